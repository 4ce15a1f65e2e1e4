package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector in a JVM of its own under {@code ulimit -n 512} is flooded with three times as many idle
 * connections as it may open files. It keeps the descriptors it needs: a snapshot taken during the
 * flood succeeds with the descriptors open still under the limit; as the flood is refused and cut by
 * the header timeout, {@code /health} answers, an export is taken or refused 503 with Retry-After, and
 * then exports are taken again and snapshots still succeed.
 */
class DescriptorLimitTest {

  private static final int DESCRIPTORS = 512;
  private static final int FLOOD = 3 * DESCRIPTORS;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final List<Process> children = new ArrayList<>();
  private final List<Socket> flood = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    flood.forEach(DescriptorLimitTest::closeQuietly);
    children.forEach(Process::destroyForcibly);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void connectionFlood_underALowDescriptorLimit_leavesSnapshotsHealthAndExportsWorking() throws Exception {
    ChildCollector child = ChildCollector.startUnderUlimit(children, "-n", DESCRIPTORS, LimitedCollectorMain.class,
        dir.toString(), "4000");
    assertThat(reply(child, "fds")).endsWith(" " + DESCRIPTORS);

    for (int i = 0; i < FLOOD; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(child.uri().getHost(), child.uri().getPort()), 2_000);
        flood.add(socket);
      } catch (IOException e) {
        closeQuietly(socket); // the backlog was full: a connection the flood did not get
      }
    }

    assertThat(reply(child, "snapshot")).isEqualTo("SNAPSHOT ok");
    long open = Long.parseLong(reply(child, "fds").split(" ")[1]);
    assertThat(open).isLessThan(DESCRIPTORS);
    await().atMost(WAIT).untilAsserted(() -> assertThat(get(child.uri(), "/health").statusCode()).isEqualTo(200));
    HttpResponse<String> duringFlood = export(child.uri());
    if (duringFlood.statusCode() != 202) {
      assertThat(duringFlood.statusCode()).isEqualTo(503);
      assertThat(duringFlood.headers().firstValue("Retry-After")).isPresent();
    }

    await().atMost(WAIT).untilAsserted(() -> assertThat(export(child.uri()).statusCode()).isEqualTo(202));
    assertThat(reply(child, "snapshot")).isEqualTo("SNAPSHOT ok");
    String metrics = get(child.uri(), "/metrics").body();
    assertThat(sample(metrics, "meshwatch_http_connections_closed_total{reason=\"over_limit\"")).isPositive();
    assertThat(sample(metrics, "meshwatch_http_connections_closed_total{reason=\"header_timeout\"")).isPositive();
  }

  /** The child's answer to {@code command}, among the log lines it printed meanwhile. */
  private static String reply(ChildCollector child, String command) throws IOException {
    String prefix = command.toUpperCase(java.util.Locale.ROOT) + " ";
    return child.ask(command).stream().filter(line -> line.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no answer to " + command));
  }

  private HttpResponse<String> export(URI base) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/products/" + CrashTestCollectorMain.ORDERS + "/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + CrashTestCollectorMain.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"quality\",\"check\":\"not_null\",\"passed\":true}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double sample(String metrics, String prefix) {
    return metrics.lines().filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
