package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector in its own JVM is killed with SIGKILL while a client keeps sending; after a restart on
 * the same data dir every acknowledged event is there and the SLO state equals, field for field, that
 * of a twin collector that never crashed and was fed the same events at the same instants.
 */
class CollectorCrashTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(37);
  private static final int ACKS_BEFORE_KILL = 300;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> children = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void killDuringIngest_restartKeepsEveryAcknowledgedEvent_andEqualsATwinThatNeverCrashed() throws Exception {
    List<String> bodies = eventBodies(5_000, new Random(7));
    ChildCollector crashing = ChildCollector.start(children, CrashTestCollectorMain.class, dir.resolve("crashing").toString(), T0.toString());
    AtomicInteger acked = new AtomicInteger();
    AtomicInteger lastSent = new AtomicInteger(-1);
    CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < bodies.size(); i++) {
          crashing.command("at " + at(i));
          lastSent.set(i);
          if (post(crashing.uri(), bodies.get(i)) == 202) {
            acked.incrementAndGet();
          }
        }
      } catch (IOException | RuntimeException e) {
        // the collector was killed under us: that is the point
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    await().atMost(Duration.ofMinutes(2)).until(() -> acked.get() >= ACKS_BEFORE_KILL);
    crashing.process().destroyForcibly(); // SIGKILL on Linux
    assertThat(crashing.process().waitFor()).isEqualTo(137);
    sender.join();
    int acknowledged = acked.get();
    Instant end = at(lastSent.get()).plus(Duration.ofMinutes(3));

    ChildCollector restarted = ChildCollector.start(children, CrashTestCollectorMain.class, dir.resolve("crashing").toString(), end.toString());
    restarted.command("at " + end);
    restarted.command("evaluate");
    JsonNode afterRestart = status(restarted.uri());
    // Each request holds exactly one quality check: its count says how many requests were kept. The
    // one in flight at the kill may or may not have been journaled; no acknowledged one may be missing.
    int kept = slo(afterRestart, "checks").path("events").path("total").asInt();
    assertThat(kept).isBetween(acknowledged, acknowledged + 1);

    ChildCollector twin = ChildCollector.start(children, CrashTestCollectorMain.class, dir.resolve("twin").toString(), T0.toString());
    for (int i = 0; i < kept; i++) {
      twin.command("at " + at(i));
      assertThat(post(twin.uri(), bodies.get(i))).isEqualTo(202);
    }
    twin.command("at " + end);
    twin.command("evaluate");
    JsonNode twinStatus = status(twin.uri());

    assertThat(afterRestart.path("slos")).hasSize(7);
    assertThat(afterRestart).isEqualTo(twinStatus);
    assertThat(slo(afterRestart, "fresh").path("events").path("total").asLong()).isPositive();
  }

  private static Instant at(int i) {
    return T0.plus(STEP.multipliedBy(i));
  }

  /** Request {@code i}: one quality check, and at random a freshness update, reads, a run, a volume, late or on time. */
  private static List<String> eventBodies(int count, Random random) throws IOException {
    List<String> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant now = at(i);
      List<Map<String, Object>> events = new ArrayList<>();
      events.add(Map.of("type", "quality", "check", "not_null", "passed", random.nextInt(100) < 97,
          "time", now.minusSeconds(random.nextInt(1800)).toString()));
      if (random.nextInt(4) == 0) {
        events.add(Map.of("type", "freshness", "dataTime", now.minusSeconds(random.nextInt(900)).toString()));
      }
      if (random.nextBoolean()) {
        events.add(Map.of("type", "usage", "consumer", "finance", "success", random.nextInt(100) < 99));
      }
      if (random.nextInt(5) == 0) {
        events.add(Map.of("type", "run", "status", random.nextInt(10) == 0 ? "failed" : "succeeded"));
        events.add(Map.of("type", "volume", "rows", random.nextInt(20) == 0 ? 300 : 900 + random.nextInt(200)));
      }
      bodies.add(JSON.writeValueAsString(events));
    }
    return bodies;
  }

  private int post(URI base, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/products/sales.orders/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + CrashTestCollectorMain.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private JsonNode status(URI base) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(base.resolve("/api/v1/products/sales.orders")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("status");
  }

  private static JsonNode slo(JsonNode status, String name) {
    for (JsonNode slo : status.path("slos")) {
      if (slo.path("name").asText().equals(name)) {
        return slo;
      }
    }
    throw new AssertionError("no SLO " + name + " in " + status);
  }
}
