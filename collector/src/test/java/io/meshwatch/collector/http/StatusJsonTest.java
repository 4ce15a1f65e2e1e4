package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.metrics.SloMetrics;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A status holding every odd value the model can hold (ages of a billion years, infinite and NaN
 * rates, forecasts and baselines at the ends of {@link Duration}) goes through the JSON views and
 * {@code /metrics} without throwing, next to an ordinary product.
 */
class StatusJsonTest {

  private static final ProductId ODD = ProductId.parse("sales.odd");
  private static final ProductId PLAIN = ProductId.parse("sales.plain");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  @Test
  void product_oddValues_areShownAndSerialised() throws Exception {
    JsonNode json = Responses.JSON.readTree(Responses.JSON.writeValueAsString(StatusJson.product(descriptor(ODD), odd())));

    assertThat(json.path("id").asText()).isEqualTo("sales.odd");
    assertThat(json.path("status").path("dataAgeSeconds").asDouble()).isGreaterThan(3e16);
    assertThat(json.path("status").path("slos")).hasSize(4);
    assertThat(json.path("status").path("error").asText()).isEqualTo("could not evaluate SLO broken: long overflow");
    assertThat(json.path("status").path("slos").get(3).path("state").asText()).isEqualTo("error");
  }

  @Test
  void publish_oddValues_reachTheScrapeNextToAPlainProduct() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SloMetrics metrics = new SloMetrics(registry, id -> Optional.of(descriptor(id)));

    metrics.publish(List.of(odd(), plain()));
    String scrape = registry.scrape();

    assertThat(scrape).contains("meshwatch_product_data_age_seconds{domain=\"sales\",product=\"sales.odd\"} 3.15",
        "meshwatch_slo_error{domain=\"sales\",product=\"sales.odd\",slo=\"broken\"} 1.0",
        "meshwatch_slo_compliance{domain=\"sales\",product=\"sales.plain\",slo=\"checks\"} 0.999");
  }

  @Test
  void product_aStatusThatCannotBeShown_isShownByItsIdWithAnError_andWholeOnceItCanBe() throws Exception {
    ProductStatus unshowable = new ProductStatus(PLAIN, AgentState.REPORTING, NOW, NOW, Duration.ZERO,
        List.of(unshowableSlo(PLAIN)), NOW);

    JsonNode json = Responses.JSON.readTree(Responses.JSON.writeValueAsString(StatusJson.product(descriptor(PLAIN), unshowable)));

    assertThat(json.path("id").asText()).isEqualTo("sales.plain");
    assertThat(json.path("status").path("agent").asText()).isEqualTo("reporting");
    assertThat(json.path("status").path("error").asText()).startsWith("could not show the product: java.lang.NullPointerException");
    assertThat(json.path("status").has("slos")).isFalse();
    JsonNode whole = Responses.JSON.readTree(Responses.JSON.writeValueAsString(StatusJson.product(descriptor(PLAIN), plain())));
    assertThat(whole.path("status").path("slos")).hasSize(1);
  }

  /**
   * An SLO whose view cannot be built, standing for any value some step of a view cannot take: no
   * kind (the model's records check values, not nulls, so nothing refuses it before the view).
   */
  static SloStatus unshowableSlo(ProductId product) {
    return slo(product, "checks", null, SloState.HEALTHY, 1.0, 0.999, Map.of(), BudgetForecast.NONE, null);
  }

  private static ProductStatus odd() {
    List<SloStatus> slos = new ArrayList<>();
    Map<BurnWindow, Double> rates = new EnumMap<>(BurnWindow.class);
    rates.put(BurnWindow.M5, Double.POSITIVE_INFINITY);
    rates.put(BurnWindow.H1, Double.NaN);
    rates.put(BurnWindow.D3, Double.MAX_VALUE);
    slos.add(slo(ODD, "fresh", SliKind.FRESHNESS, SloState.BREACHING, Double.NaN, -Double.MAX_VALUE, rates,
        new BudgetForecast(LONGEST, Duration.ZERO),
        new LearnedBaseline.FreshnessCadence(LONGEST, LONGEST, true, Integer.MAX_VALUE, Integer.MAX_VALUE)));
    slos.add(slo(ODD, "volume", SliKind.VOLUME, SloState.HEALTHY, Double.MIN_VALUE, 1.0, Map.of(),
        new BudgetForecast(null, LONGEST),
        new LearnedBaseline.VolumeBand(Double.MAX_VALUE, Double.NaN, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, 1, 1)));
    slos.add(slo(ODD, "checks", SliKind.QUALITY, SloState.NO_DATA, null, null, Map.of(), BudgetForecast.NONE, null));
    slos.add(slo(ODD, "broken", SliKind.AVAILABILITY, SloState.ERROR, null, null, Map.of(), BudgetForecast.NONE, null));
    return new ProductStatus(ODD, AgentState.REPORTING, NOW, Instant.parse("-999999999-01-01T00:00:00Z"),
        Duration.between(Instant.parse("-999999999-01-01T00:00:00Z"), NOW), slos, NOW,
        "could not evaluate SLO broken: long overflow");
  }

  static ProductStatus plain() {
    return new ProductStatus(PLAIN, AgentState.REPORTING, NOW, NOW, Duration.ZERO,
        List.of(slo(PLAIN, "checks", SliKind.QUALITY, SloState.HEALTHY, 1.0, 0.999, Map.of(BurnWindow.H1, 0.1),
            BudgetForecast.NONE, null)), NOW);
  }

  static SloStatus slo(ProductId product, String name, SliKind kind, SloState state, Double sli, Double compliance,
      Map<BurnWindow, Double> rates, BudgetForecast forecast, LearnedBaseline baseline) {
    List<BurnAlert> alerts = BurnCondition.SRE_WORKBOOK.stream()
        .map(c -> new BurnAlert(c, c.burnRateAt30Days(), Double.POSITIVE_INFINITY, Double.NaN)).toList();
    return new SloStatus(product, name, kind, 0.995, state, sli, compliance, compliance == null ? null : -Double.MAX_VALUE,
        rates, NOW, new WindowSpan(Instant.MIN, Instant.MAX), 0, Long.MAX_VALUE, alerts, forecast, baseline);
  }

  private static DataProduct descriptor(ProductId id) {
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    return new DataProduct(id, "sales-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        new SloSpec("checks", SliKind.QUALITY, null, 99.5, week, List.of(), SloSpec.defaultConditions(week), Duration.ZERO)));
  }
}
