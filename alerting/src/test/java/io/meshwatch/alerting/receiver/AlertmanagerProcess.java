package io.meshwatch.alerting.receiver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    int port = PeerProcesses.freePort();
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
      PeerProcesses.awaitReady("Alertmanager", alertmanager.process, alertmanager.url, Duration.ofSeconds(15));
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

  @Override
  public void close() {
    PeerProcesses.stop(process, Duration.ofSeconds(5), dir);
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
