package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitsTest {

  @TempDir Path dir;

  @Test
  void defaults_areTheDocumentedOnes() {
    assertThat(CollectorConfig.defaults().rateLimits()).isEqualTo(RateLimits.DEFAULTS);
    assertThat(RateLimits.DEFAULTS.perToken().describe()).isEqualTo("50 requests per second with bursts of 1000");
    assertThat(RateLimits.DEFAULTS.perProduct().describe()).isEqualTo("10 requests per second with bursts of 600");
  }

  @Test
  void load_readsBothBudgetsAndKeepsTheDefaultsOfWhatIsLeftOut() throws IOException {
    RateLimits limits = CollectorConfig.load(write("""
        rateLimits:
          perToken: { requestsPerSecond: 200 }
          perProduct: { requestsPerSecond: 0.5, burst: 20 }
        """), Map.of()).rateLimits();

    assertThat(limits).isEqualTo(new RateLimits(new RateLimits.Budget(200, 1000), new RateLimits.Budget(0.5, 20)));
  }

  @Test
  void load_budgetsOutOfBounds_areEachNamedWithTheirBound() throws IOException {
    Path file = write("""
        rateLimits:
          perToken: { requestsPerSecond: 0, burst: 0 }
          perProduct: { requestsPerSecond: lots, bursts: 3 }
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of())).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.problems()).extracting(DescriptorProblem::line, DescriptorProblem::field).containsExactly(
          tuple(2, "rateLimits.perToken.requestsPerSecond"), tuple(2, "rateLimits.perToken.burst"),
          tuple(3, "rateLimits.perProduct.bursts"), tuple(3, "rateLimits.perProduct.requestsPerSecond"));
      assertThat(e.getMessage()).contains("must be a number above 0 and at most 1000000, got '0'")
          .contains("must be a whole number between 1 and 10000000, got '0'")
          .contains("unknown field (did you mean 'burst'?)");
    });
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("meshwatch.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
