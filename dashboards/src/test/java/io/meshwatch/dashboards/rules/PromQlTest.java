package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.CollectorMetric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void selector_namesTheMetricAsTheCollectorExposesItWithSortedMatchers() {
    assertThat(PromQl.selector(CollectorMetric.SLO_BURN_RATE, Map.of("window", "1h", "product", "sales.orders")))
        .isEqualTo("meshwatch_slo_burn_rate{product=\"sales.orders\",window=\"1h\"}");
    assertThat(PromQl.selector(CollectorMetric.INGEST_REJECTED, Map.of()))
        .isEqualTo("meshwatch_ingest_rejected_total{}");
  }

  @Test
  void selector_rejectsLabelsTheMetricDoesNotHave() {
    assertThatThrownBy(() -> PromQl.selector(CollectorMetric.PRODUCT_AGENT_SILENT, Map.of("slo", "x")))
        .hasMessageContaining("meshwatch_product_agent_silent has no label 'slo'");
  }

  @Test
  void quote_escapesQuotesBackslashesAndNewlines() {
    assertThat(PromQl.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  @Test
  void number_dropsTrailingZeros() {
    assertThat(PromQl.number(14.4)).isEqualTo("14.4");
    assertThat(PromQl.number(6.0)).isEqualTo("6");
    assertThat(PromQl.number(0.5)).isEqualTo("0.5");
  }

  @Test
  void aggregateAndOn_listLabelsInOrder() {
    assertThat(PromQl.aggregate("max", List.of("product", "domain"), "x")).isEqualTo("max by (product, domain) (x)");
    assertThat(PromQl.on(List.of("product", "slo"))).isEqualTo("on (product, slo)");
  }
}
