package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.slo.SloHistory;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlosHandlerTest {

  private static final ProductId PLAIN = ProductId.parse("sales.plain");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void defaultStep_keepsTheEnginesStepWhereItFitsAndCoarsensLongerWindowsToWholeHours() {
    assertThat(SlosHandler.defaultStep(Duration.ofDays(3))).isEqualTo(Duration.ofMinutes(5));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(28))).isEqualTo(Duration.ofHours(1));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(92))).isEqualTo(Duration.ofHours(2));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(366))).isEqualTo(Duration.ofHours(5));
    for (long days = 1; days <= 366; days++) {
      Duration window = Duration.ofDays(days);
      assertThat(window.toMillis() / SlosHandler.defaultStep(window).toMillis() + 2).as(days + "d")
          .isLessThanOrEqualTo(SloHistory.MAX_POINTS);
    }
  }

  @Test
  void listed_anSloThatCannotBeShown_isListedByItsIdentityWithAnError() {
    SloStatus unshowable = StatusJsonTest.unshowableSlo(PLAIN);
    ProductStatus product = new ProductStatus(PLAIN, AgentState.REPORTING, NOW, NOW, Duration.ZERO, List.of(unshowable), NOW);

    Map<String, Object> listed = SlosHandler.listed(product, unshowable);

    assertThat(listed).containsEntry("product", "sales.plain").containsEntry("domain", "sales")
        .containsEntry("name", "checks").containsEntry("state", "healthy").doesNotContainKey("sli");
    assertThat((String) listed.get("error")).startsWith("could not show the SLO: java.lang.NullPointerException");
  }

  @Test
  void listed_anSloThatCanBeShown_isShownWhole() {
    ProductStatus plain = StatusJsonTest.plain();

    Map<String, Object> listed = SlosHandler.listed(plain, plain.slos().get(0));

    assertThat(listed).containsEntry("sli", "quality").containsEntry("compliance", 0.999).doesNotContainKey("error");
  }
}
