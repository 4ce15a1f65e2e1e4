package io.meshwatch.alerting;

import static io.meshwatch.alerting.SloStatuses.ORDERS;
import static io.meshwatch.alerting.SloStatuses.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NotificationTest {

  @Test
  void commonLabelsAndAnnotations_keepOnlyPairsEveryAlertShares() {
    Notification n = new Notification("sales", Map.of("product", "sales.orders"), List.of(
        alert("a", AlertState.FIRING, Map.of("product", "sales.orders", "slo", "fresh", "severity", "page"),
            Map.of("runbook_url", "r", "summary", "one")),
        alert("b", AlertState.RESOLVED, Map.of("product", "sales.orders", "slo", "quality", "severity", "page"),
            Map.of("runbook_url", "r", "summary", "two"))));

    assertThat(n.commonLabels()).containsExactly(entry("product", "sales.orders"), entry("severity", "page"));
    assertThat(n.commonAnnotations()).containsExactly(entry("runbook_url", "r"));
  }

  @Test
  void firing_whileAnyAlertFiresResolvedWhenAllAre() {
    Alert firing = alert("a", AlertState.FIRING, Map.of(), Map.of());
    Alert resolved = alert("b", AlertState.RESOLVED, Map.of(), Map.of());

    assertThat(new Notification("r", Map.of(), List.of(resolved, firing)).firing()).isTrue();
    assertThat(new Notification("r", Map.of(), List.of(resolved)).firing()).isFalse();
  }

  @Test
  void groupKey_namesReceiverAndSortedGroupLabels() {
    Notification n = new Notification("sales-oncall", Map.of("slo", "fresh", "product", "sales.orders"),
        List.of(alert("a", AlertState.FIRING, Map.of(), Map.of())));

    assertThat(n.groupKey()).isEqualTo("sales-oncall:{product=\"sales.orders\",slo=\"fresh\"}");
    assertThat(new Notification("x", Map.of(), n.alerts()).groupKey()).isEqualTo("x:{}");
  }

  @Test
  void constructor_rejectsPendingAlertsAndEmptyGroups() {
    assertThatThrownBy(() -> new Notification("r", Map.of(), List.of(alert("a", AlertState.PENDING, Map.of(), Map.of()))))
        .hasMessageContaining("pending");
    assertThatThrownBy(() -> new Notification("r", Map.of(), List.of())).hasMessageContaining("no alerts");
  }

  static Alert alert(String fingerprint, AlertState state, Map<String, String> labels, Map<String, String> annotations) {
    @Nullable Instant starts = state == AlertState.PENDING ? null : T0;
    @Nullable Instant ends = state == AlertState.RESOLVED ? T0.plusSeconds(600) : null;
    return new Alert(fingerprint, ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, state, labels, annotations, T0, starts, ends);
  }
}
