package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeshAgentBuilderTest {

  @Test
  void build_missingProductAndEndpointAreReportedTogether() {
    assertThatThrownBy(() -> MeshAgent.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("product is required")
        .hasMessageContaining("endpoint is required");
  }

  @Test
  void build_metricReaderReplacesTheEndpoint() {
    try (MeshAgent agent = MeshAgent.builder().product("sales.orders").metricReader(InMemoryMetricReader.create()).build()) {
      assertThat(agent.droppedRecordings()).isZero();
    }
  }

  @Test
  void product_badIdNamesFieldAndValue() {
    assertThatThrownBy(() -> MeshAgent.builder().product("Sales Orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("product:")
        .hasMessageContaining("Sales Orders");
  }

  @Test
  void endpoint_rejectsNonHttpAndRelativeUrls() {
    assertThatThrownBy(() -> MeshAgent.builder().endpoint(URI.create("ftp://collector:21")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint").hasMessageContaining("ftp://collector:21");
    assertThatThrownBy(() -> MeshAgent.builder().endpoint(URI.create("/v1/metrics")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> MeshAgent.builder().endpoint(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("endpoint must not be null");
  }

  @Test
  void token_rejectsWhitespaceWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> MeshAgent.builder().token("abc\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token")
        .hasMessageNotContaining("abc");
  }

  @Test
  void exportInterval_mustBePositive() {
    assertThatThrownBy(() -> MeshAgent.builder().exportInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exportInterval").hasMessageContaining("PT0S");
  }

  @Test
  void serviceName_mustNotBeBlank() {
    assertThatThrownBy(() -> MeshAgent.builder().serviceName(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceName");
  }
}
