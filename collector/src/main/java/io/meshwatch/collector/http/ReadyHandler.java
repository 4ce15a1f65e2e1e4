package io.meshwatch.collector.http;

import io.meshwatch.collector.health.Readiness;
import io.meshwatch.collector.health.Verdict;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /ready}: 200 when every readiness check is ready, else 503 with {@code Retry-After};
 * either way the verdicts with their reasons. The checks run off the event loop, since one may touch
 * the disk.
 */
final class ReadyHandler {

  private final Readiness readiness;
  private final Duration retryAfter;

  ReadyHandler(Readiness readiness, Duration retryAfter) {
    this.readiness = readiness;
    this.retryAfter = retryAfter;
  }

  void handle(RoutingContext ctx) {
    ctx.vertx().executeBlocking(readiness::report, false).onComplete(done -> {
      if (done.failed()) {
        Responses.error(ctx, 500, "readiness could not be checked: " + done.cause());
        return;
      }
      Readiness.Report report = done.result();
      if (!report.ready()) {
        ctx.response().putHeader("Retry-After", Long.toString(Refusal.seconds(retryAfter)));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", report.ready() ? "ready" : "not_ready");
      body.put("checks", report.verdicts().stream().map(ReadyHandler::view).toList());
      Responses.json(ctx, report.ready() ? 200 : 503, body);
    });
  }

  private static Map<String, Object> view(Verdict verdict) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", verdict.name());
    view.put("ready", verdict.ready());
    view.put("reasons", verdict.reasons());
    return view;
  }
}
