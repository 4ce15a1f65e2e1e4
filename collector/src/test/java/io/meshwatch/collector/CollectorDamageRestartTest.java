package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flipped byte at each of 200 seeded offsets of a killed collector's journal segments, snapshots,
 * alerting state and outbox log, each followed by a real restart in a JVM of its own: the collector
 * starts, holds every acknowledged request the undamaged bytes hold (all of them, or all but the one
 * whose record the byte hit) and its silence, and shows the damage on {@code /metrics} and {@code /ready}.
 */
class CollectorDamageRestartTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(37);
  private static final int PER_PHASE = 8;
  private static final int RESTARTS = 200;
  private static final String ADMIN = CrashTestCollectorMain.ADMIN;
  private static final ObjectMapper JSON = new ObjectMapper();
  // Each restart is a cold JVM: C1 only, and the classes of a first run shared through a CDS archive.
  private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xss512k");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> children = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path dir;

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  private record Target(Path file, int offset) {}

  @Test
  void restart_afterAFlippedByteAtSeededOffsets_holdsEveryUndamagedRecord_andShowsTheDamage() throws Exception {
    Path pristine = dir.resolve("pristine");
    int requests = 3 * PER_PHASE;
    Instant end = prepare(pristine, requests);
    List<String> jvm = archivedClasses(pristine, end);
    List<Path> files = damageable(pristine);
    assertThat(files).anyMatch(f -> f.toString().endsWith(".seg")).anyMatch(f -> f.toString().endsWith(".snap"))
        .anyMatch(f -> f.toString().contains("state.bin"));
    Random random = new Random(20261208);
    List<Target> targets = new ArrayList<>();
    for (int run = 0; run < RESTARTS; run++) {
      Path file = files.get(run % files.size());
      targets.add(new Target(file, random.nextInt((int) Files.size(pristine.resolve(file)))));
    }
    // Two restarts at a time: each is a JVM of its own on a copy of its own.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int run = 0; run < targets.size(); run++) {
        Target target = targets.get(run);
        Path data = dir.resolve("run-" + run);
        runs.add(pool.submit(() -> {
          restart(pristine, data, target, jvm, end, requests);
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void restart(Path pristine, Path data, Target target, List<String> jvm, Instant end, int requests) throws Exception {
    copy(pristine, data);
    byte[] bytes = Files.readAllBytes(data.resolve(target.file()));
    bytes[target.offset()] ^= (byte) 0xFF;
    Files.write(data.resolve(target.file()), bytes);
    ChildCollector child = ChildCollector.start(children, jvm, CrashTestCollectorMain.class, data.toString(), end.toString());
    boolean mayLoseOne = target.file().startsWith("journal") && target.file().toString().endsWith(".seg")
        && target.offset() >= 24;
    check(child, end, requests, mayLoseOne, target.file() + " at offset " + target.offset());
    child.process().destroyForcibly().waitFor();
    delete(data);
  }

  /** Holds the requests (all, or all but one), the silence, and (unless there was none) shows damage on /metrics and /ready. */
  private void check(ChildCollector child, Instant end, int requests, boolean mayLoseOne, String where) throws Exception {
    // The collector evaluated at start, at the clock's instant: the status holds what it restored.
    assertThat(checks(child.uri())).as("requests held after a flip in %s", where)
        .isBetween(mayLoseOne ? requests - 1 : requests, requests);
    assertThat(get(child.uri(), "/api/v1/silences")).as("silence after a flip in %s", where).contains("kept across damage");
    String scrape = get(child.uri(), "/metrics");
    String ready = get(child.uri(), "/ready");
    if (where.equals("no damage")) {
      assertThat(ready).contains("no damage found in the data dir at start");
    } else {
      String log = where.startsWith("journal") ? "journal" : where.contains("outbox") ? "outbox" : "alerting_state";
      assertThat(damageShown(scrape, log)).as("damage on /metrics after a flip in %s", where).isPositive();
      assertThat(ready).as("damage in /ready after a flip in %s", where).contains("damage found at start in " + log);
    }
  }

  /** A collector that took {@code requests} requests across two snapshots and a silence, then was killed. */
  private Instant prepare(Path data, int requests) throws Exception {
    ChildCollector child = ChildCollector.start(children, QUICK, CrashTestCollectorMain.class, data.toString(), T0.toString());
    for (int i = 0; i < requests; i++) {
      child.command("at " + T0.plus(STEP.multipliedBy(i)));
      assertThat(post(child.uri(), "/api/v1/products/sales.orders/events",
          "[{\"type\": \"quality\", \"check\": \"not_null\", \"passed\": " + (i % 5 != 0) + "}]")).isEqualTo(202);
      if (i == PER_PHASE - 1) {
        assertThat(post(child.uri(), "/api/v1/silences", "{\"matchers\": [\"domain=\\\"sales\\\"\"], \"createdBy\": \"ops\","
            + " \"comment\": \"kept across damage\", \"duration\": \"48h\"}")).isEqualTo(201);
      }
      if (i == PER_PHASE - 1 || i == 2 * PER_PHASE - 1) {
        child.command("snapshot");
      }
    }
    Instant end = T0.plus(STEP.multipliedBy(requests));
    child.command("at " + end);
    child.command("evaluate");
    assertThat(checks(child.uri())).isEqualTo(requests);
    child.process().destroyForcibly().waitFor();
    return end;
  }

  /**
   * JVM options for a quick start: the class path with its directories packed into one jar (CDS
   * archives only classes from jars), and a CDS archive of the classes a collector loads, dumped at
   * the exit of one that started on the data dir and stopped cleanly.
   */
  private List<String> archivedClasses(Path pristine, Instant end) throws Exception {
    List<String> classPath = new ArrayList<>();
    Path packed = dir.resolve("classes.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(packed))) {
      Set<String> seen = new HashSet<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (!Files.isDirectory(path)) {
          classPath.add(entry);
          continue;
        }
        try (Stream<Path> files = Files.walk(path)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = path.relativize(file).toString().replace(File.separatorChar, '/');
            if (seen.add(name)) {
              jar.putNextEntry(new JarEntry(name));
              Files.copy(file, jar);
              jar.closeEntry();
            }
          }
        }
      }
    }
    classPath.add(0, packed.toString());
    Path archive = dir.resolve("collector.jsa");
    List<String> options = new ArrayList<>(QUICK);
    options.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
    Path data = dir.resolve("archive-run");
    copy(pristine, data);
    List<String> dump = new ArrayList<>(options);
    dump.add("-XX:ArchiveClassesAtExit=" + archive);
    ChildCollector child = ChildCollector.start(children, dump, CrashTestCollectorMain.class, data.toString(), end.toString());
    check(child, end, 3 * PER_PHASE, false, "no damage");
    child.in().close();
    assertThat(child.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    delete(data);
    if (Files.exists(archive)) {
      options.add("-XX:SharedArchiveFile=" + archive);
    }
    return options;
  }

  private static List<Path> damageable(Path data) throws IOException {
    try (Stream<Path> walk = Files.walk(data)) {
      return walk.filter(Files::isRegularFile).map(data::relativize)
          .filter(f -> f.toString().endsWith(".seg") || f.toString().endsWith(".snap") || f.toString().contains("state.bin"))
          .filter(f -> !f.toString().contains("damaged")).sorted().toList();
    }
  }

  /** The sum of the damage counters of {@code log} in a scrape. */
  private static double damageShown(String scrape, String log) {
    Pattern sample = Pattern.compile("^meshwatch_storage_damaged_\\w+_total\\{[^}]*log=\"" + log + "\"[^}]*} (\\S+)$",
        Pattern.MULTILINE);
    Matcher m = sample.matcher(scrape);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }

  /** Each request holds one quality check: the quality SLO's event count is the number of requests held. */
  private int checks(URI base) throws Exception {
    for (JsonNode slo : JSON.readTree(get(base, "/api/v1/products/sales.orders")).path("status").path("slos")) {
      if (slo.path("name").asText().equals("checks")) {
        return slo.path("events").path("total").asInt();
      }
    }
    throw new AssertionError("no SLO checks");
  }

  private String get(URI base, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private int post(URI base, String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
