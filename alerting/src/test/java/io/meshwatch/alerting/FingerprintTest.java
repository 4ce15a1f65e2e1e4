package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");

  @Test
  void of_isStableAcrossRunsAndReleases() {
    // Receivers dedup by fingerprint (and the outbox will persist it): it must never drift. The value
    // is printf 'sales.orders\nfresh\nburn_rate_page' | sha256sum | cut -c1-16
    assertThat(Fingerprint.of(ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE)).isEqualTo("a9eca24976ecb8cf");
    assertThat(Fingerprint.of(ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE))
        .isEqualTo(Fingerprint.of(ProductId.parse("sales.orders"), "fresh", AlertCondition.BURN_RATE_PAGE));
  }

  @Test
  void of_differsByProductSloAndCondition() {
    String[] prints = {
      Fingerprint.of(ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE),
      Fingerprint.of(ORDERS, "fresh", AlertCondition.BURN_RATE_TICKET),
      Fingerprint.of(ORDERS, "fresh", AlertCondition.SLO_BREACHING),
      Fingerprint.of(ORDERS, "quality", AlertCondition.BURN_RATE_PAGE),
      Fingerprint.of(ProductId.parse("sales.customers"), "fresh", AlertCondition.BURN_RATE_PAGE),
    };
    assertThat(prints).doesNotHaveDuplicates();
    assertThat(Arrays.stream(prints)).allMatch(p -> p.matches("[0-9a-f]{16}"));
  }
}
