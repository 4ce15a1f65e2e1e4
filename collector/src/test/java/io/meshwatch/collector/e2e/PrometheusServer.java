package io.meshwatch.collector.e2e;

import io.meshwatch.alerting.receiver.PeerProcesses;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's {@code prometheus}, 2.42) for a test: started on a free loopback port
 * with its own temporary directory, scraping one target every second and evaluating the given rule
 * files every second, and waited for until {@code /-/ready} answers. Close it to stop the process and
 * remove the directory. Fails (not skips) when the binary is missing: an acceptance test that skips
 * proves nothing; {@code scripts/install-peers.sh} installs it.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.start(collector.uri(), ruleFiles)) {
 *   List<PrometheusApi.Series> up = prometheus.api().query("up");
 * }
 * }</pre>
 */
final class PrometheusServer implements AutoCloseable {

  /** How often the target is scraped and rules are evaluated (rule groups may set their own interval). */
  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path dir;
  private final URI url;
  private final PrometheusApi api;

  private PrometheusServer(Process process, Path dir, URI url) {
    this.process = process;
    this.dir = dir;
    this.url = url;
    this.api = new PrometheusApi(url);
  }

  /**
   * Starts Prometheus scraping {@code target}'s {@code /metrics} and loading {@code ruleFiles} (none is
   * fine), and returns once it is ready.
   */
  static PrometheusServer start(URI target, List<Path> ruleFiles) throws IOException {
    String binary = binary();
    Path dir = Files.createTempDirectory("prometheus");
    Files.writeString(dir.resolve("prometheus.yml"), config(target, ruleFiles));
    int port = PeerProcesses.freePort();
    Process process = new ProcessBuilder(binary,
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--web.enable-lifecycle",
        // The default (1m) holds back an alert's first notification; tests read /api/v1/alerts, keep it short anyway.
        "--rules.alert.resend-delay=1s")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
    PrometheusServer prometheus = new PrometheusServer(process, dir, URI.create("http://127.0.0.1:" + port));
    try {
      PeerProcesses.awaitReady("Prometheus", prometheus.process, prometheus.url, READY_TIMEOUT);
    } catch (RuntimeException | Error e) {
      String log = prometheus.log();
      prometheus.close();
      throw new IllegalStateException("Prometheus did not get ready; its log:\n" + log, e);
    }
    return prometheus;
  }

  /** The configuration file's text: one job scraping {@code target} every second, the rule files by absolute path. */
  static String config(URI target, List<Path> ruleFiles) {
    String rules = ruleFiles.isEmpty() ? " []\n" : "\n" + ruleFiles.stream()
        .map(file -> "  - '" + file.toAbsolutePath() + "'\n")
        .collect(Collectors.joining());
    long seconds = SCRAPE_INTERVAL.toSeconds();
    return "global:\n"
        + "  scrape_interval: " + seconds + "s\n"
        + "  scrape_timeout: " + seconds + "s\n"
        + "  evaluation_interval: " + seconds + "s\n"
        + "rule_files:" + rules
        + "scrape_configs:\n"
        + "  - job_name: meshwatch\n"
        + "    metrics_path: " + (target.getPath().isEmpty() || target.getPath().equals("/") ? "/metrics" : target.getPath()) + "\n"
        + "    static_configs:\n"
        + "      - targets: ['" + target.getHost() + ":" + target.getPort() + "']\n";
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI url() {
    return url;
  }

  /** A client of this server's HTTP API. */
  PrometheusApi api() {
    return api;
  }

  /** What Prometheus logged so far. */
  String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    PeerProcesses.stop(process, Duration.ofSeconds(10), dir);
  }

  /** {@code $PROMETHEUS} if set, else {@code prometheus} on the PATH. */
  private static String binary() {
    String override = System.getenv("PROMETHEUS");
    if (override != null && Files.isExecutable(Path.of(override))) {
      return override;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "prometheus");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError("prometheus not found on PATH (or $PROMETHEUS): run scripts/install-peers.sh, "
        + "which installs Debian's package 'prometheus'");
  }
}
