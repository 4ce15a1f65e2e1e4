package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingRuleTest {

  @Test
  void constructor_rejectsNamesPrometheusWouldRejectNamingThem() {
    assertThatThrownBy(() -> rule("Bad-Name", Map.of())).hasMessageContaining("'Bad-Name'");
    assertThatThrownBy(() -> rule("Ok", Map.of("__reserved", "x"))).hasMessageContaining("'__reserved'");
    assertThatThrownBy(() -> rule("Ok", Map.of("team-name", "x"))).hasMessageContaining("'team-name'");
    assertThatThrownBy(() -> new AlertingRule("Ok", " ", Duration.ZERO, Duration.ZERO, Map.of(), Map.of()))
        .hasMessageContaining("alert Ok needs an expression");
    assertThatThrownBy(() -> new AlertingRule("Ok", "up", Duration.ofSeconds(-5), Duration.ZERO, Map.of(), Map.of()))
        .hasMessageContaining("PT-5S");
  }

  @Test
  void labels_areSortedByName() {
    assertThat(rule("Ok", Map.of("z", "1", "a", "2", "m", "3")).labels().keySet()).containsExactly("a", "m", "z");
  }

  private static AlertingRule rule(String name, Map<String, String> labels) {
    return new AlertingRule(name, "up == 0", Duration.ofMinutes(1), Duration.ZERO, labels, Map.of());
  }
}
