package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.agent.MeshAgent;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@link MeshAgent} reports over OTLP to a real collector on a free loopback port. The
 * collector's clock is a fake the test moves, and the agent stamps its points with the same clock,
 * so "an hour later" takes no time.
 */
class AgentToCollectorEndToEndTest {

  private static final ProductId ORDERS = ProductId.parse("e2e.orders");
  private static final String TOKEN = "orders-token";

  private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  private MeshwatchCollector collector;
  private MeshAgent agent;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofHours(1)), CollectorConfig.Storage.DEFAULTS,
        new Tokens(Set.of(), Map.of(TOKEN, ORDERS)));
    collector = MeshwatchCollector.start(config, clock);
    collector.catalog().register(orders());
    client = new CollectorClient(collector.uri());
    agent = MeshAgent.builder()
        .product(ORDERS.toString())
        .endpoint(collector.uri())
        .token(TOKEN)
        .exportInterval(Duration.ofMillis(100))
        .clock(clock)
        .build();
  }

  @AfterEach
  void stop() {
    agent.close();
    // Every export of a real agent is accepted, the first one too (a JDK client's first request to a
    // host offers an HTTP/2 upgrade, which once lost the gzip decoding of the body).
    assertThat(client.sample("meshwatch_ingest_rejected_total", "reason=\"malformed\"")).contains(0.0);
    collector.close();
  }

  @Test
  void missedUpdatePastThreshold_turnsFreshnessRedInApiAndMetrics() {
    agent.freshness().updated(clock.instant());
    awaitReported(status -> status.dataTime() != null);

    clock.advance(Duration.ofMinutes(5));
    awaitReported(status -> !status.lastSeen().isBefore(clock.instant()));
    assertThat(client.slo("e2e.orders", "fresh").path("state").asText()).isEqualTo("healthy");
    assertThat(client.sample("meshwatch_slo_breaching", "slo=\"fresh\"")).contains(0.0);

    clock.advance(Duration.ofHours(1));
    awaitReported(status -> !status.lastSeen().isBefore(clock.instant()));

    assertThat(client.slo("e2e.orders", "fresh").path("state").asText()).isEqualTo("breaching");
    assertThat(client.json("/api/v1/products/e2e.orders").path("status").path("agent").asText()).isEqualTo("reporting");
    assertThat(client.sample("meshwatch_slo_breaching", "product=\"e2e.orders\"", "slo=\"fresh\"")).contains(1.0);
    assertThat(client.sample("meshwatch_product_agent_silent", "product=\"e2e.orders\"")).contains(0.0);
    assertThat(client.sample("meshwatch_product_data_age_seconds", "product=\"e2e.orders\""))
        .hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(3900.0));
  }

  @Test
  void qualityFailuresAboveBudget_turnQualityRedWhileFreshnessStaysGreen() {
    agent.freshness().updated(clock.instant());
    for (int i = 0; i < 10; i++) {
      agent.quality().check("not_null_id", i % 2 == 0, 100, i % 2 == 0 ? 0 : 7);
    }
    awaitReported(status -> status.slos().stream()
        .anyMatch(slo -> slo.slo().equals("checks") && slo.compliance() != null));
    clock.advance(Duration.ofMinutes(2));
    awaitReported(status -> !status.lastSeen().isBefore(clock.instant()));

    assertThat(client.slo("e2e.orders", "checks").path("state").asText()).isEqualTo("breaching");
    assertThat(client.slo("e2e.orders", "checks").path("compliance").asDouble()).isEqualTo(0.5);
    assertThat(client.slo("e2e.orders", "fresh").path("state").asText()).isEqualTo("healthy");
    assertThat(client.sample("meshwatch_slo_breaching", "slo=\"checks\"")).contains(1.0);
    assertThat(client.sample("meshwatch_slo_compliance", "slo=\"checks\"")).contains(0.5);
  }

  /** Evaluates until the product's status satisfies {@code condition}: data travels through a real exporter. */
  private void awaitReported(java.util.function.Predicate<ProductStatus> condition) {
    await().atMost(Duration.ofSeconds(20)).until(() -> collector.evaluateNow().stream()
        .filter(s -> s.product().equals(ORDERS))
        .anyMatch(s -> s.lastSeen() != null && condition.test(s)));
  }

  private static DataProduct orders() {
    return new DataProduct(ORDERS, "e2e-team", List.of(new Contact(Contact.Kind.EMAIL, "oncall@example.com")),
        "orders for the end-to-end test", List.of(), "1.0.0", List.of(), Links.NONE,
        List.of(
            CollectorFixture.judgedAtOnce("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(10))),
            CollectorFixture.judgedAtOnce("checks", SliKind.QUALITY, null)));
  }
}
