package io.meshwatch.alerting.receiver.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Posts request bodies over HTTP/1.1 on the calling thread, reusing kept-alive connections per
 * origin; safe for concurrent use (each request has a connection of its own while it runs). Each
 * exchange is bounded as a whole by its timeout (name resolution excepted: that is the system
 * resolver's, with its own timeouts). A request that fails on a reused connection before any byte of
 * an answer came, or is answered 408 there, is sent once more on a fresh one, as browsers do: most
 * likely the server closed the idle connection as it was being reused and never took the request.
 * Should it have taken it after all, the receiver sees it twice, as it would when the outbox retries
 * a failed attempt: notifications carry an id to dedup by.
 *
 * <pre>{@code
 * KeepAliveHttpClient client = KeepAliveHttpClient.create(Duration.ofSeconds(10));
 * KeepAliveHttpClient.Reply reply = client.post(URI.create("http://hooks.example.com/alerts"),
 *     Map.of("Content-Type", "application/json"), json.getBytes(UTF_8), Duration.ofSeconds(10));
 * }</pre>
 */
public final class KeepAliveHttpClient implements AutoCloseable {
  private static final int MAX_IDLE_PER_ORIGIN = 32;
  private static final Duration MAX_IDLE = Duration.ofSeconds(4);
  // A request this small fits an idle connection's send buffer (Linux starts one at 16 KiB), so
  // writing it cannot block; a larger one is written under a watchdog.
  private static final int UNBLOCKED_WRITE_BYTES = 8 * 1024;
  private static final int REQUEST_TIMEOUT = 408;
  private static final Set<String> FRAMING_HEADERS = Set.of("host", "content-length", "transfer-encoding",
      "connection", "upgrade", "te", "trailer", "keep-alive");

  /** The answer: its status and the start of its body (for error messages). */
  public record Reply(int status, String bodyStart) {}

  private final long connectTimeoutMillis;
  private final @Nullable SSLContext tlsContext;
  private final IdleConnections idle = new IdleConnections(MAX_IDLE_PER_ORIGIN, MAX_IDLE.toNanos());
  private volatile @Nullable SSLSocketFactory tls;

  private KeepAliveHttpClient(Duration connectTimeout, @Nullable SSLContext tlsContext) {
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
    }
    this.connectTimeoutMillis = Math.max(1, connectTimeout.toMillis());
    this.tlsContext = tlsContext;
  }

  /** A client trusting the JDK's default certificate authorities. */
  public static KeepAliveHttpClient create(Duration connectTimeout) {
    return new KeepAliveHttpClient(connectTimeout, null);
  }

  /** A client whose https connections use {@code tls} (its trust store decides which servers are believed). */
  public static KeepAliveHttpClient create(Duration connectTimeout, SSLContext tls) {
    return new KeepAliveHttpClient(connectTimeout, tls);
  }

  /**
   * Posts {@code body} to {@code url} with {@code headers}; {@code Host} and {@code Content-Length}
   * are the client's to write.
   *
   * @throws HttpTimeoutException when no complete answer came within {@code timeout}
   * @throws IOException when the server cannot be reached or the connection broke
   * @throws IllegalArgumentException for a URL that is not http(s), or a header that HTTP cannot carry
   */
  public Reply post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
    Origin origin = Origin.of(url);
    byte[] request = Requests.post(origin, url, headers, body, FRAMING_HEADERS);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Connection reused = idle.take(origin, System.nanoTime());
      if (reused != null) {
        try {
          Reply reply = exchange(reused, request, deadline);
          if (reply.status() != REQUEST_TIMEOUT) {
            return reply;
          }
          // A server that timed out the idle connection may have said so with a 408 before closing it;
          // that answer was not to this request, which it never took (RFC 9110, 15.5.9).
        } catch (SocketTimeoutException e) {
          throw e;
        } catch (IOException e) {
          if (reused.anyRead()) {
            throw e;
          }
        }
      }
      return exchange(Connection.open(origin, connectTimeoutMillis, deadline, origin.secure() ? tls() : null),
          request, deadline);
    } catch (SocketTimeoutException e) {
      throw new HttpTimeoutException("no answer from " + origin + " within " + timeout);
    }
  }

  /** Closes the idle connections; requests still running close theirs when done. */
  @Override
  public void close() {
    idle.closeAll();
  }

  private Reply exchange(Connection connection, byte[] request, long deadline) throws IOException {
    Watchdog watchdog = request.length > UNBLOCKED_WRITE_BYTES
        ? Watchdog.closeAt(connection, deadline) : null;
    try {
      connection.resetReadCount();
      connection.write(request);
      Response response = Response.read(connection, deadline);
      // Pooled only once the watchdog can no longer close it under the next request.
      if (response.reusable() && (watchdog == null || watchdog.disarm())) {
        idle.offer(connection, System.nanoTime());
      } else {
        connection.close();
      }
      return new Reply(response.status(), response.bodyStart());
    } catch (IOException | RuntimeException e) {
      connection.close();
      if (watchdog != null && watchdog.fired() && !(e instanceof SocketTimeoutException)) {
        throw new SocketTimeoutException("deadline passed while writing the request");
      }
      throw e;
    } finally {
      if (watchdog != null) {
        watchdog.disarm();
      }
    }
  }

  private SSLSocketFactory tls() {
    SSLSocketFactory factory = tls;
    if (factory == null) {
      // The default context loads the JDK's trust store: only once some https receiver needs it.
      factory = tlsContext != null ? tlsContext.getSocketFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault();
      tls = factory;
    }
    return factory;
  }
}
