package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import org.junit.jupiter.api.Test;

class SelectorTest {
  @Test
  void toString_sortsMatchersAndQuotesValues() {
    Selector selector = Selector.of(CollectorMetric.SLO_BURN_RATE).eq(Labels.WINDOW_LABEL, "1h")
        .in(Scope.product("sales.orders")).eq(Labels.SLO_LABEL, "say \"hi\"");

    assertThat(selector).hasToString(CollectorMetric.SLO_BURN_RATE.prometheusName()
        + "{product=\"sales.orders\", slo=\"say \\\"hi\\\"\", window=\"1h\"}");
  }

  @Test
  void eq_labelTheMetricLacksFailsAtOnce() {
    assertThatThrownBy(() -> Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).eq(Labels.SLO_LABEL, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no label 'slo'");
  }

  @Test
  void in_domainScopeSelectsTheDomainAndTheProductVariable() {
    assertThat(Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).in(Scope.domain("sales", "product")))
        .hasToString(CollectorMetric.PRODUCT_AGENT_SILENT.prometheusName() + "{domain=\"sales\", product=~\"$product\"}");
  }

  @Test
  void firingAlerts_selectsPrometheusFiringAlerts() {
    assertThat(Selector.firingAlerts().eq(Labels.PRODUCT_LABEL, "a.b")).hasToString("ALERTS{alertstate=\"firing\", product=\"a.b\"}");
  }

  @Test
  void orZero_keepsTheLabelsOfTheWhole() {
    assertThat(Promql.share("sum by (check) (a)", "sum by (check) (b)"))
        .isEqualTo("(sum by (check) (a) or sum by (check) (b) * 0) / sum by (check) (b)");
    assertThat(Promql.number(0.9950)).isEqualTo("0.995");
  }
}
