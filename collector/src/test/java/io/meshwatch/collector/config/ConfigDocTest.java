package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.MarkdownBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/CONFIG.md documents the config file; this keeps its examples loadable and its table complete. */
class ConfigDocTest {

  private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "CONFIG.md");
  private static final Map<String, String> ENV = Map.of("MESHWATCH_ADMIN_TOKEN", "a", "SALES_ORDERS_TOKEN", "b",
      "RAW_ORDERS_TOKEN_OLD", "c", "RAW_ORDERS_TOKEN", "d");

  @TempDir Path dir;

  @Test
  void configDoc_everyYamlExampleLoads() throws IOException {
    Files.createDirectories(dir.resolve("descriptors"));
    List<String> blocks = MarkdownBlocks.fenced(Files.readString(DOC), "yaml");

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    for (String block : blocks) {
      CollectorConfig config = ConfigReader.read("CONFIG.md", block, dir, ENV);
      assertThat(config.tokens().isEmpty()).as(block).isFalse();
    }
  }

  @Test
  void configDoc_tableNamesEveryField() throws IOException {
    String doc = Files.readString(DOC);
    List<String> fields = new ArrayList<>(List.of("dataDir", "descriptors", "tokens.admin", "tokens.ingest"));
    ConfigReader.SERVER.forEach(field -> fields.add("server." + field));
    ConfigReader.EVALUATION.forEach(field -> fields.add("evaluation." + field));
    ConfigReader.STORAGE.forEach(field -> fields.add("storage." + field));

    assertThat(ConfigReader.FIELDS).allSatisfy(top -> assertThat(fields).anyMatch(f -> f.startsWith(top)));
    for (String field : fields) {
      assertThat(doc).as("docs/CONFIG.md documents `%s`", field).contains("| `" + field + "` |");
    }
  }
}
