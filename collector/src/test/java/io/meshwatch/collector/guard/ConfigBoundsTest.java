package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.config.CollectorConfig;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The config table is complete: {@code every-config-field.yaml} sets every field of the table (child
 * routes at two depths; fields only ever refused, such as the root route's matchers, left out) and
 * loads, so a reader that starts to take a field without a bound, or an
 * entry no reader takes, fails here.
 */
class ConfigBoundsTest {

  @Test
  void everyField_loads() {
    CollectorConfig config = CollectorConfig.load(TablePaths.resourcePath("every-config-field.yaml"), Map.of());

    assertThat(config.alerting().receivers()).hasSize(1);
    assertThat(config.tokens().ingest()).hasSize(3);
  }

  @Test
  void table_namesExactlyTheFieldsOfTheConfig() {
    Set<String> written = new TablePaths(ConfigBounds.TABLE, (pattern, node) -> null)
        .of(TablePaths.resource("every-config-field.yaml"), (key, node) -> "");
    Set<String> bounded = ConfigBounds.TABLE.fields().stream()
        .filter(f -> !(f.bound() instanceof Bound.Refused))
        .map(Field::name)
        .collect(Collectors.toSet());

    assertThat(written).containsExactlyInAnyOrderElementsOf(bounded);
  }
}
