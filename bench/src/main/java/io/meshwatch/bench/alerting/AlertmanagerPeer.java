package io.meshwatch.bench.alerting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prometheus Alertmanager from Debian's {@code prometheus-alertmanager} package, configured with
 * {@link BenchRoutes#alertmanagerYaml}: one instance, clustering off (an empty
 * {@code --cluster.listen-address}; else it gossips on *:9094 and waits for peers before notifying),
 * storage in a temp directory.
 */
final class AlertmanagerPeer {
  static final String BINARY = "/usr/bin/prometheus-alertmanager";

  private AlertmanagerPeer() {}

  static ServerProcess start(BenchRoutes routes, URI sink) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bench-alertmanager");
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), routes.alertmanagerYaml(sink));
    Files.createDirectories(dir.resolve("data"));
    int port = ServerProcess.freePort();
    return ServerProcess.start("Alertmanager", List.of(BINARY,
        "--config.file=" + config,
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address="), dir, port);
  }

  /** The first line of {@code --version}, e.g. {@code alertmanager, version 0.25.0 (...)}. */
  static String version() {
    try {
      Process version = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
      String out = new String(version.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
      version.waitFor();
      return out.strip();
    } catch (IOException e) {
      return "not installed (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
