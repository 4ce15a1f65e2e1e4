package io.meshwatch.collector.http;

import io.meshwatch.collector.ingest.RejectReason;
import io.netty.handler.codec.compression.DecompressionException;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one request's body for {@link BodyGate}. Sent bytes beyond the limit are refused 413 at
 * once. A compressed body is inflated off the event loop, in turns: while one batch of chunks is
 * being inflated the next chunks queue, and past {@link #PAUSE_AT} queued bytes the request is paused
 * (the client waits) until the batch is done; inflating past the limit is refused 413 and the rest is
 * never inflated. A body whose framing is broken (a bad chunk) is answered 400. Confined to the
 * request's event loop; only {@link StreamedInflater#feed} and {@link StreamedInflater#finish} run on
 * the inflation pool, one task at a time.
 */
final class BodyRead {

  static final int PAUSE_AT = 256 * 1024;

  private final RoutingContext ctx;
  private final HttpServerRequest request;
  private final HttpServices services;
  private final WorkerExecutor inflation;
  private final @Nullable StreamedInflater inflater;
  private final long limit;
  private final Buffer plain = Buffer.buffer();
  private final List<byte[]> queued = new ArrayList<>();
  private long queuedBytes;
  private long sent;
  private boolean inflating;
  private boolean kickScheduled;
  private boolean paused;
  private boolean ended;
  private boolean done;

  BodyRead(RoutingContext ctx, HttpServices services, WorkerExecutor inflation, @Nullable StreamedInflater inflater) {
    this.ctx = ctx;
    this.request = ctx.request();
    this.services = services;
    this.inflation = inflation;
    this.inflater = inflater;
    this.limit = services.maxBodyBytes();
  }

  void start() {
    request.handler(this::chunk);
    request.endHandler(v -> end());
    request.exceptionHandler(this::failed);
    request.resume();
  }

  private void chunk(Buffer chunk) {
    if (done) {
      return;
    }
    sent += chunk.length();
    if (sent > limit) {
      refuse(413, RejectReason.BODY_TOO_LARGE, "the request body is larger than the limit of " + limit
          + " bytes (server.maxBodyBytes)");
      return;
    }
    if (inflater == null) {
      plain.appendBuffer(chunk);
      return;
    }
    queued.add(chunk.getBytes());
    queuedBytes += chunk.length();
    if (queuedBytes >= PAUSE_AT && !paused) {
      paused = true;
      request.pause();
    }
    if (!inflating && !kickScheduled) {
      // Later in this turn of the event loop: a small body's end usually arrives with its last chunk,
      // and then one task inflates and finishes it, one hop off the event loop instead of two.
      kickScheduled = true;
      ctx.vertx().runOnContext(v -> {
        kickScheduled = false;
        inflateQueued();
      });
    }
  }

  /** Inflates what is queued off the event loop, and finishes the body too once its end arrived. */
  private void inflateQueued() {
    if (inflating || done || inflater == null || (queued.isEmpty() && !ended)) {
      return;
    }
    inflating = true;
    List<byte[]> batch = List.copyOf(queued);
    boolean last = ended;
    queued.clear();
    queuedBytes = 0;
    if (paused) {
      paused = false;
      request.resume();
    }
    StreamedInflater inflating = inflater;
    inflation.executeBlocking(() -> {
      for (byte[] input : batch) {
        if (!inflating.feed(input)) {
          return Step.OVER_LIMIT;
        }
      }
      return last ? new Step(Step.Outcome.BODY, inflating.finish()) : Step.MORE;
    }, false).onComplete(result -> {
      this.inflating = false;
      if (done) {
        closeInflater();
        return;
      }
      if (result.failed()) {
        malformed(result.cause());
      } else if (result.result().outcome() == Step.Outcome.OVER_LIMIT) {
        refuse(413, RejectReason.BODY_TOO_LARGE, "the request body inflates to larger than the limit of " + limit
            + " bytes (server.maxBodyBytes)");
      } else if (result.result().outcome() == Step.Outcome.BODY) {
        deliver(result.result().body());
      } else {
        inflateQueued();
      }
    });
  }

  /** What one inflation task came to: over the limit, waiting for more, or the whole body. */
  private record Step(Outcome outcome, byte @Nullable [] body) {
    enum Outcome { OVER_LIMIT, MORE, BODY }

    static final Step OVER_LIMIT = new Step(Outcome.OVER_LIMIT, null);
    static final Step MORE = new Step(Outcome.MORE, null);
  }

  private void end() {
    ended = true;
    if (done) {
      return;
    }
    if (inflater == null) {
      deliver(plain.getBytes());
    } else {
      inflateQueued();
    }
  }

  private void deliver(byte[] body) {
    done = true;
    closeInflater();
    ctx.put(BodyGate.BODY, body);
    ctx.next();
  }

  private void failed(Throwable error) {
    if (done) {
      return;
    }
    done = true;
    closeInflater();
    if (error instanceof HttpClosedException) {
      return; // the client went away: nobody to answer
    }
    // The request's framing is broken (a bad chunk size, say): Vert.x closes the connection right after.
    services.ingestMetrics().rejected(RejectReason.MALFORMED_FRAMING, 1);
    if (!ctx.response().headWritten()) {
      ctx.response().putHeader("Connection", "close");
      ClosingAnswer.error(ctx, 400, "the request's HTTP framing is malformed: " + error.getMessage());
    }
  }

  private void malformed(Throwable cause) {
    String what = cause instanceof DecompressionException ? cause.getMessage() : String.valueOf(cause);
    refuse(400, RejectReason.MALFORMED, "the request body is not valid " + request.getHeader("Content-Encoding") + ": " + what);
  }

  private void refuse(int status, RejectReason reason, String message) {
    done = true;
    closeInflater();
    services.ingestMetrics().rejected(reason, 1);
    ClosingAnswer.error(ctx, status, message);
  }

  private void closeInflater() {
    if (inflater != null && !inflating) {
      inflater.close();
    }
  }
}
