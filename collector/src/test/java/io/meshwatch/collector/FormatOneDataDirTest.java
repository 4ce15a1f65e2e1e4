package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir written by the collector before {@code durable} (format 1, in the test resources) is
 * migrated at start: the SLO status, the silences and the alerts with their acknowledgement are what
 * the old collector reported just before it was killed, then and after another restart.
 */
class FormatOneDataDirTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Path.of("src/test/resources/format-1-data-dir");

  @TempDir Path dataDir;

  @Test
  void start_migratesADataDirOfFormatOne_keepingEveryRecordInIt() throws IOException {
    copy(FIXTURE.resolve("data"), dataDir);
    JsonNode reported = JSON.readTree(FIXTURE.resolve("reported-before-kill.json").toFile());
    TestClock clock = new TestClock(Instant.parse(reported.path("end").asText()));

    for (int start = 0; start < 2; start++) {
      try (MeshwatchCollector collector = MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), clock,
          CrashTestCollectorMain.products())) {
        collector.evaluateNow();
        CollectorClient client = new CollectorClient(collector.uri());
        assertContains(client.json("/api/v1/products/sales.orders").path("status"), reported.path("product").path("status"), "status");
        assertContains(client.json("/api/v1/silences"), reported.path("silences"), "silences");
        assertContains(client.json("/api/v1/alerts"), reported.path("alerts"), "alerts");
        assertThat(collector.storageHealth().totalDamage().isNone()).isTrue();
      }
      assertThat(dataDir.resolve("format")).hasContent("meshwatch data dir format 2\n");
    }
    assertThat(dataDir.resolve("format-1/journal/00000000000000000001.wal")).exists();
    assertThat(dataDir.resolve("format-1/snapshots")).isDirectory();
    assertThat(dataDir.resolve("alerting/state.bin")).doesNotExist();
    assertThat(dataDir.resolve("alerting/outbox/outbox.log")).doesNotExist();
  }

  /** Every field {@code expected} has, {@code actual} has with the same value (it may have more). */
  private static void assertContains(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
        assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
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
}
