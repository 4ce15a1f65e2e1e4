package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectReasonTest {

  @Test
  void label_isLowerSnakeCaseAsPrometheusLabelsAre() {
    assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::label)).containsExactly(
        "malformed", "unknown_product", "invalid_product", "invalid_value", "future_timestamp", "too_late", "too_many_series",
        "body_too_large", "unsupported_media_type", "unauthenticated", "forbidden", "storage_failed",
        "overloaded", "malformed_framing", "rate_limited");
  }
}
