package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * A collector in a JVM of its own under {@code ulimit -f 256}: when its journal cannot grow (as on a
 * full disk, the write fails), events and OTLP exports are answered 503 with Retry-After, counted as
 * storage_failed, and {@code /ready} tells of it; {@code /health} still answers.
 */
class StorageFullTest {

  private static final int FILE_KIB = 256;

  private final List<Process> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void journalThatCannotGrow_answers503WithRetryAfter_andReadinessSaysWhy() throws Exception {
    ChildCollector child = ChildCollector.startUnderUlimit(children, "-f", FILE_KIB, LimitedCollectorMain.class,
        dir.toString(), "10000");
    String batch = "[" + String.join(",", java.util.Collections.nCopies(200,
        "{\"type\":\"quality\",\"check\":\"not_null_customer_id\",\"passed\":true,\"rowsChecked\":1000}")) + "]";

    HttpResponse<String> refused = null;
    for (int i = 0; i < 2_000 && refused == null; i++) {
      HttpResponse<String> response = post(child.uri(), "/api/v1/products/" + CrashTestCollectorMain.ORDERS + "/events",
          "application/json", batch);
      if (response.statusCode() != 202) {
        refused = response;
      }
    }

    assertThat(refused).isNotNull();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("5");
    assertThat(refused.body()).contains("could not store the events");
    // The journal goes on in a new segment file, which fills up in turn: so does an OTLP export.
    HttpResponse<String> otlp = null;
    for (int i = 0; i < 2_000 && (otlp == null || otlp.statusCode() == 200); i++) {
      otlp = post(child.uri(), "/v1/metrics", "application/json", otlpChecks(200));
    }
    assertThat(otlp.statusCode()).isEqualTo(503);
    assertThat(otlp.headers().firstValue("Retry-After")).contains("5");
    assertThat(otlp.body()).contains("\"code\":14").contains("could not store the data");
    // A test write into the data dir fits (only the file that grew is too large): ready, saying what happened.
    HttpResponse<String> ready = get(child.uri(), "/ready");
    assertThat(ready.body()).contains("an append failed at");
    assertThat(get(child.uri(), "/health").statusCode()).isEqualTo(200);
    assertThat(get(child.uri(), "/metrics").body()).containsPattern("meshwatch_ingest_rejected_total\\{reason=\"storage_failed\",?\\} [1-9]");
  }

  /** An OTLP JSON export of {@code checks} quality check outcomes (deltas), each its own signal. */
  private static String otlpChecks(int checks) {
    long now = System.currentTimeMillis() * 1_000_000L;
    List<String> points = new ArrayList<>();
    for (int i = 0; i < checks; i++) {
      points.add("{\"timeUnixNano\":\"" + now + "\",\"asInt\":\"5\",\"attributes\":["
          + "{\"key\":\"meshwatch.check\",\"value\":{\"stringValue\":\"check_" + i + "\"}},"
          + "{\"key\":\"meshwatch.outcome\",\"value\":{\"stringValue\":\"pass\"}}]}");
    }
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"meshwatch.product\",\"value\":"
        + "{\"stringValue\":\"sales.orders\"}}]},\"scopeMetrics\":[{\"metrics\":[{\"name\":\"meshwatch.quality.checks\","
        + "\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[" + String.join(",", points)
        + "]}}]}]}]}";
  }

  private HttpResponse<String> post(URI base, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .header("Authorization", "Bearer " + CrashTestCollectorMain.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
