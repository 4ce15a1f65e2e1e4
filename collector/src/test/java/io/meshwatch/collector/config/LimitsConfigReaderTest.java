package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.ingest.SeriesBudgets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsConfigReaderTest {

  private static LimitsConfig read(String yaml) {
    return ConfigReader.read("meshwatch.yaml", yaml, Path.of("."), Map.of()).limits();
  }

  @Test
  void read_leftOut_isTheDefaults() {
    assertThat(read("dataDir: ./data\n")).isEqualTo(LimitsConfig.DEFAULTS);
    assertThat(LimitsConfig.DEFAULTS).isEqualTo(new LimitsConfig(10_000, 100_000, 1_000_000, 100));
  }

  @Test
  void read_everyField() {
    LimitsConfig limits = read("limits: { seriesPerProduct: 500, seriesPerToken: 2000, seriesTotal: 5_000, labelValuesPerProduct: 20 }");

    assertThat(limits).isEqualTo(new LimitsConfig(500, 2_000, 5_000, 20));
    assertThat(limits.seriesBudgets()).isEqualTo(new SeriesBudgets(500, 2_000));
  }

  @Test
  void read_aSmallerTotalAlone_takesTheBudgetsLeftOutDownWithIt() {
    assertThat(read("limits: { seriesTotal: 3000 }")).isEqualTo(new LimitsConfig(3_000, 3_000, 3_000, 100));
  }

  @Test
  void read_wrongValues_areReportedWithFieldAndBound() {
    assertThatThrownBy(() -> read("""
        limits:
          seriesPerProduct: 0
          seriesPerToken: lots
          seriesTotl: 5
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("limits.seriesPerProduct: must be a whole number from 1 to 100000000, got '0'")
        .hasMessageContaining("limits.seriesPerToken: must be a whole number from 1 to 100000000, got 'lots'")
        .hasMessageContaining("limits.seriesTotl: unknown field (did you mean 'seriesTotal'?)");
    assertThatThrownBy(() -> read("limits: { seriesPerProduct: 5000, seriesTotal: 1000 }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("limits.seriesPerProduct (5000) and limits.seriesPerToken (1000) must be at most"
            + " limits.seriesTotal (1000)");
  }
}
