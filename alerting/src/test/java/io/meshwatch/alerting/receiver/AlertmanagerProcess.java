package io.meshwatch.alerting.receiver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) for a test: started on a
 * free loopback port with its own temporary config and data directory, without clustering, and
 * waited for until {@code /-/ready} answers. {@link #start()} skips the calling test when the binary
 * is not installed. Close it (e.g. in {@code @AfterAll}) to stop the process and remove the directory.
 *
 * <pre>{@code
 * try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start()) {
 *   URI api = alertmanager.url().resolve("/api/v2/alerts");
 * }
 * }</pre>
 */
public final class AlertmanagerProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  /** Routes everything to a receiver that sends nothing: the test reads alerts from the API. */
  static final String NULL_CONFIG = "route: {receiver: 'null'}\nreceivers: [{name: 'null'}]\n";

  private final Process process;
  private final Path dir;
  private final URI url;

  private AlertmanagerProcess(Process process, Path dir, URI url) {
    this.process = process;
    this.dir = dir;
    this.url = url;
  }

  public static AlertmanagerProcess start() throws IOException {
    return start(NULL_CONFIG);
  }

  /** Starts Alertmanager with {@code config} (alertmanager.yml) and waits until it is ready. */
  public static AlertmanagerProcess start(String config) throws IOException {
    assumeTrue(Files.isExecutable(BINARY),
        BINARY + " is not installed: apt-get install -y --no-install-recommends prometheus-alertmanager");
    Path dir = Files.createTempDirectory("alertmanager");
    Files.writeString(dir.resolve("am.yml"), config);
    int port = freePort();
    Process process = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + dir.resolve("am.yml"),
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        // Empty: otherwise it gossips on *:9094, which clashes with any other Alertmanager here.
        "--cluster.listen-address=")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("alertmanager.log").toFile())
        .start();
    AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, dir, URI.create("http://127.0.0.1:" + port));
    try {
      alertmanager.awaitReady();
    } catch (RuntimeException | Error e) {
      String log = alertmanager.log();
      alertmanager.close();
      throw new IllegalStateException("Alertmanager did not get ready; its log:\n" + log, e);
    }
    return alertmanager;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  /** What Alertmanager logged so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("alertmanager.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(1)).build();
    Awaitility.await("Alertmanager ready at " + url)
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("Alertmanager exited with " + process.exitValue());
          }
          return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is not worth failing a test over.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
