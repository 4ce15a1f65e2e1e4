package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.A;
import static io.meshwatch.collector.CollectorFixture.B;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static io.meshwatch.collector.CollectorFixture.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.agent.MeshAgent;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.RateLimits;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real agents against a real collector whose product budget is one export a second: the agent
 * that exports five times a second is answered 429 with Retry-After, waits it out and retries, never
 * throws or blocks its pipeline, and everything it recorded arrives; the other product's agent,
 * within its budget, reports as usual meanwhile.
 */
class AgentThrottlingTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    CollectorConfig config = CollectorConfig.defaults().withPort(0).withDataDir(dataDir)
        .withTokens(new Tokens(Set.of(), Map.of(TOKEN_A, A, TOKEN_B, B)))
        .withRateLimits(new RateLimits(RateLimits.DEFAULTS.perToken(), new RateLimits.Budget(1, 1)));
    collector = MeshwatchCollector.start(config, InstantSource.system());
    collector.catalog().register(CollectorFixture.product(A));
    collector.catalog().register(CollectorFixture.product(B));
    client = new CollectorClient(collector.uri());
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void agentOverItsProductsBudget_backsOffAsAskedAndLosesNothing_whileAnotherProductReports() {
    try (MeshAgent eager = agent(A, TOKEN_A, Duration.ofMillis(200)); MeshAgent calm = agent(B, TOKEN_B, Duration.ofSeconds(2))) {
      for (int round = 1; round <= 2; round++) {
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
          eager.quality().check("not_null_id", true, 10, 0);
        }
        calm.quality().check("not_null_id", true, 10, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("recording never waits for exports")
            .isLessThan(Duration.ofSeconds(5));
        int expectedA = 100 * round;
        int expectedB = round;
        await().atMost(WAIT).until(() -> checks(A) == expectedA && checks(B) == expectedB);
      }
      assertThat(client.sample("meshwatch_ingest_rejected_total", "reason=\"rate_limited\""))
          .hasValueSatisfying(refused -> assertThat(refused).isPositive());
    }
  }

  private double checks(ProductId product) {
    return client.sample("meshwatch_quality_checks_total", "product=\"" + product + "\"", "outcome=\"passed\"").orElse(0.0);
  }

  private MeshAgent agent(ProductId product, String token, Duration interval) {
    return MeshAgent.builder().product(product.toString()).endpoint(collector.uri()).token(token)
        .exportInterval(interval).build();
  }
}
