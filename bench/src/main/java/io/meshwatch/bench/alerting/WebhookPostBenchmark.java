package io.meshwatch.bench.alerting;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.meshwatch.alerting.receiver.http.KeepAliveHttpClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One webhook notification's POST over loopback HTTP/1.1 on a kept-alive connection, one thread: the
 * 1.5 KB Alertmanager webhook JSON of a two-alert group, from the {@code String} a notifier holds to
 * the answer's status. Compares the notifiers' {@link KeepAliveHttpClient} with what they used before,
 * {@code java.net.http.HttpClient} built and called as they did ({@code jdkDefault}: HTTP/2 by default,
 * so every request carries an h2c upgrade offer, which the sink ignores; {@code jdkHttp11}: the same
 * forced to HTTP/1.1, the fair pairing), and with a well-kept library, Apache HttpClient 5 classic
 * (pooled; retries, redirects, cookies and compression off). All post to one in-process {@link Sink},
 * a blocking server whose small cost is the same for each.
 *
 * <p>{@code run-benchmarks.sh webhook_post} pins the JVM to one CPU: the time per operation is then
 * the CPU that all threads (client, the JDK client's selector thread, sink, GC) spend on one exchange.
 * Unpinned on a small VM it is mostly cross-core wake-up latency, which doubles or halves with the
 * scheduler's placement of the threads and hides the clients. Pinned, the JIT compiles on that CPU
 * too: the JDK client's code takes about 16 s of it, so its time settles only after some 20 s of
 * warmup. {@code gc.alloc.rate.norm} counts the allocations of every thread, the selector thread's
 * and the sink's (a few small buffers) included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class WebhookPostBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // What WebhookNotifier sends (JsonPost adds the first two).
  private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json",
      "User-Agent", "meshwatch-alerting", "Idempotency-Key", "2f6d0c1e-7b1a-4c55-9a0e-5d3e8f4b9c21");
  private static final String JSON = webhookJson();

  private Sink sink;
  private URI uri;
  private KeepAliveHttpClient keepAlive;
  private HttpClient jdk;
  private HttpClient jdkHttp11;
  private CloseableHttpClient apache;

  @Setup(Level.Trial)
  public void start() throws IOException {
    sink = new Sink();
    uri = URI.create("http://127.0.0.1:" + sink.port() + "/hooks/meshwatch");
    keepAlive = KeepAliveHttpClient.create(TIMEOUT);
    jdk = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    jdkHttp11 = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    Timeout timeout = Timeout.of(TIMEOUT);
    apache = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
            .build())
        .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableContentCompression()
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    // One connection per client used is the proof that every client kept its connection alive.
    System.out.printf("%nsink: %d requests on %d connections, body %d bytes%n",
        sink.requests.get(), sink.connections.get(), JSON.getBytes(UTF_8).length);
    keepAlive.close();
    apache.close();
    sink.close();
    // java.net.http.HttpClient has no close() before JDK 21; its selector thread ends with the fork.
  }

  @Benchmark
  public int keepAlive() throws IOException {
    return keepAlive.post(uri, HEADERS, JSON.getBytes(UTF_8), TIMEOUT).status();
  }

  @Benchmark
  public int jdkDefault() throws IOException, InterruptedException {
    return postWith(jdk);
  }

  @Benchmark
  public int jdkHttp11() throws IOException, InterruptedException {
    return postWith(jdkHttp11);
  }

  @Benchmark
  public int apache() throws IOException {
    HttpPost post = new HttpPost(uri);
    HEADERS.forEach(post::setHeader);
    post.setEntity(new ByteArrayEntity(JSON.getBytes(UTF_8), null)); // its Content-Type is in HEADERS
    return apache.execute(post, response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  /** As the notifiers' JsonPost did before bc4052f. */
  private int postWith(HttpClient client) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).POST(BodyPublishers.ofString(JSON, UTF_8));
    HEADERS.forEach(request::header);
    HttpResponse<InputStream> response = client.send(request.build(), BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      body.readAllBytes();
      return response.statusCode();
    }
  }

  /** Alertmanager's webhook JSON (version 4) for a group of two firing SLO alerts, 1.5 KB. */
  static String webhookJson() {
    StringBuilder alerts = new StringBuilder();
    String[] pipelines = {"orders-enrichment", "payments-settlement"};
    for (int i = 0; i < pipelines.length; i++) {
      alerts.append(i == 0 ? "" : ",").append("""
          {"status":"firing","labels":{"alertname":"SloErrorBudgetBurn","pipeline":"%1$s","severity":"page",\
          "slo":"%1$s-freshness","team":"data-platform","window":"1h"},"annotations":{"summary":"%1$s freshness \
          is burning its error budget 14.4x too fast","runbook_url":"https://runbooks.example.com/slo/freshness"},\
          "startsAt":"2026-12-06T13:4%2$d:07.512Z","endsAt":"0001-01-01T00:00:00Z",\
          "generatorURL":"http://meshwatch.example.com/slo/%1$s-freshness","fingerprint":"3f9c1a7e2b4d6c8%2$d"}"""
          .formatted(pipelines[i], i));
    }
    return """
        {"version":"4","groupKey":"{}/{severity=\\"page\\"}:{alertname=\\"SloErrorBudgetBurn\\",team=\\"data-platform\\"}",\
        "truncatedAlerts":0,"status":"firing","receiver":"data-platform-pager",\
        "groupLabels":{"alertname":"SloErrorBudgetBurn","team":"data-platform"},"commonLabels":{"alertname":\
        "SloErrorBudgetBurn","severity":"page","team":"data-platform","window":"1h"},"commonAnnotations":{},\
        "externalURL":"http://meshwatch.example.com","alerts":[%s]}""".formatted(alerts);
  }

  /** A minimal blocking HTTP/1.1 server: a thread per connection, an empty 200 for every request, kept alive. */
  static final class Sink implements AutoCloseable {
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(US_ASCII);

    final AtomicLong requests = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    Sink() throws IOException {
      daemon("webhook-sink", () -> {
        try {
          while (true) {
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            daemon("webhook-sink-" + connections.incrementAndGet(), () -> serve(socket));
          }
        } catch (IOException closed) {
          // by close(); connection threads end as their clients close them, or with the fork
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }

    private void serve(Socket socket) {
      try (socket) {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        OutputStream out = socket.getOutputStream();
        byte[] line = new byte[8 * 1024];
        for (long length = readHead(in, line); length >= 0; length = readHead(in, line)) {
          while (length > 0) { // read, not skipped: the socket stream's skip() allocates a buffer each time
            int n = in.read(line, 0, (int) Math.min(line.length, length));
            if (n < 0) {
              return;
            }
            length -= n;
          }
          out.write(OK);
          requests.incrementAndGet();
        }
      } catch (IOException closed) {
        // by the client
      }
    }

    /** Reads a request's head; returns its Content-Length (0 without one), or -1 at the end of the stream. */
    private static long readHead(InputStream in, byte[] line) throws IOException {
      long length = 0;
      int size = 0;
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          line[size++] = (byte) b;
        } else if (size <= 1) {
          return length; // the blank line that ends the head
        } else {
          length = contentLength(line, size, length);
          size = 0;
        }
      }
      return -1;
    }

    /** The value of a Content-Length header line, else {@code otherwise}; parsed in place, allocating nothing. */
    private static long contentLength(byte[] line, int size, long otherwise) {
      for (int i = 0; i < CONTENT_LENGTH.length; i++) {
        if (i >= size || Character.toLowerCase(line[i]) != CONTENT_LENGTH[i]) {
          return otherwise;
        }
      }
      long value = 0;
      for (int i = CONTENT_LENGTH.length; i < size; i++) {
        value = Character.isDigit(line[i]) ? value * 10 + line[i] - '0' : value;
      }
      return value;
    }

    private static void daemon(String name, Runnable task) {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    }
  }
}
