package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.alerting.Receiver;
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
      "RAW_ORDERS_TOKEN_OLD", "c", "RAW_ORDERS_TOKEN", "d", "SALES_TOKEN", "e", "PD_SALES_KEY", "f",
      "SLACK_HOOK", "https://hooks.slack.com/services/T/B/x", "SMTP_PASSWORD", "g");

  @TempDir Path dir;

  @Test
  void configDoc_listsEveryBound() throws IOException {
    assertThat(Files.readString(DOC)).contains(io.meshwatch.collector.guard.ConfigBounds.TABLE.markdown());
  }

  @Test
  void configDoc_everyYamlExampleLoads() throws IOException {
    Files.createDirectories(dir.resolve("descriptors"));
    List<String> blocks = MarkdownBlocks.fenced(Files.readString(DOC), "yaml");

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (String block : blocks) {
      CollectorConfig config = ConfigReader.read("CONFIG.md", block, dir, ENV);
      assertThat(config.tokens().isEmpty() && config.alerting().equals(AlertingConfig.defaults())
          && config.limits().equals(LimitsConfig.DEFAULTS)
          && config.server().equals(ServerConfig.DEFAULTS) && config.rateLimits().equals(RateLimits.DEFAULTS))
          .as(block).isFalse();
    }
  }

  @Test
  void configDoc_alertingExampleSetsEveryKindOfReceiver() throws IOException {
    String example = MarkdownBlocks.fenced(Files.readString(DOC), "yaml").stream()
        .filter(block -> block.startsWith("alerting:")).findFirst().orElseThrow();

    AlertingConfig alerting = ConfigReader.read("CONFIG.md", example, dir, ENV).alerting();

    assertThat(alerting.route().routes()).hasSize(2);
    assertThat(alerting.receivers()).flatExtracting(Receiver::targets).extracting(Object::getClass).map(Class::getSimpleName)
        .containsExactlyInAnyOrder("PagerDuty", "Webhook", "Slack", "Email", "Alertmanager");
    assertThat(alerting.onCall().slackWebhookUrl()).isNotNull();
    assertThat(alerting.onCall().email()).isNotNull();
  }

  @Test
  void configDoc_tableNamesEveryField() throws IOException {
    String doc = Files.readString(DOC);
    List<String> fields = new ArrayList<>(List.of("dataDir", "descriptors", "tokens.admin", "tokens.ingest",
        "tokens.domain", "alerting"));
    ConfigReader.SERVER.forEach(field -> fields.add("server." + field));
    AlertingConfigReader.FIELDS.stream().filter(f -> !f.equals("inhibition") && !f.equals("delivery"))
        .forEach(field -> fields.add("alerting." + field));
    AlertingConfigReader.INHIBITION.forEach(field -> fields.add("alerting.inhibition." + field));
    AlertingConfigReader.DELIVERY.forEach(field -> fields.add("alerting.delivery." + field));
    AlertingConfigReader.ON_CALL.forEach(field -> fields.add("alerting.onCall." + field));
    RouteReader.FIELDS.forEach(field -> fields.add("alerting.route." + field));
    ReceiversReader.FIELDS.forEach(field -> fields.add("alerting.receivers[]." + field));
    ConfigReader.EVALUATION.forEach(field -> fields.add("evaluation." + field));
    ConfigReader.STORAGE.forEach(field -> fields.add("storage." + field));
    DashboardsConfigReader.FIELDS.forEach(field -> fields.add("dashboards." + field));
    LimitsConfigReader.FIELDS.forEach(field -> fields.add("limits." + field));
    RateLimitsReader.FIELDS.forEach(budget -> RateLimitsReader.BUDGET.forEach(
        field -> fields.add("rateLimits." + budget + "." + field)));

    assertThat(ConfigReader.FIELDS).allSatisfy(top -> assertThat(fields).anyMatch(f -> f.startsWith(top)));
    for (String field : fields) {
      assertThat(doc).as("docs/CONFIG.md documents `%s`", field).contains("| `" + field + "` |");
    }
  }
}
