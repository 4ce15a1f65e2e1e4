package io.meshwatch.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 4 of issue 5: a real Prometheus evaluating the generated rules for the demo mesh agrees
 * with the collector's own SLO status: the same SLOs breaching, the same burn-rate alerts by severity,
 * the same agents silent.
 *
 * <p>Prometheus's side counts an alert as soon as it is pending, and the collector's side is its
 * conditions (SLO state, {@code SloStatus#burning}, agent state), not its alert lifecycle: the rules'
 * {@code for} and the collector's alerting delays differ, and the rules are what is compared, not the timers.
 */
@Tag("e2e")
@ExtendWith(DemoMeshExtension.class)
class RulesAgreementE2ETest {

  /** The silent agent shows after the demo's 20s plus the 20s silence timeout; then both sides need to settle. */
  private static final Duration SETTLE = Duration.ofSeconds(150);

  private record Sides(MeshConditions collector, MeshConditions prometheus) {
    boolean settled() {
      return collector.equals(prometheus) && collector.showsEveryKindOfTrouble();
    }

    String report() {
      return "collector:  " + collector + "\nprometheus: " + prometheus
          + difference("breaching", collector.breaching(), prometheus.breaching())
          + difference("burning", collector.burning(), prometheus.burning())
          + difference("silent", collector.silent(), prometheus.silent());
    }

    private static String difference(String what, SortedSet<String> collector, SortedSet<String> prometheus) {
      SortedSet<String> onlyCollector = new TreeSet<>(collector);
      onlyCollector.removeAll(prometheus);
      SortedSet<String> onlyPrometheus = new TreeSet<>(prometheus);
      onlyPrometheus.removeAll(collector);
      return "\n" + what + ": only the collector " + onlyCollector + ", only Prometheus " + onlyPrometheus;
    }
  }

  @Test
  void generatedRules_agreeWithTheCollectorsStatusOnTheDemoMesh(DemoMeshStack stack) {
    List<PrometheusApi.Rule> rules = stack.prometheus().api().rules();
    assertThat(rules).as("rules Prometheus loaded from %s", stack.ruleFiles())
        .anyMatch(rule -> rule.type().equals("alerting"));

    AtomicReference<Sides> last = new AtomicReference<>();
    try {
      await("Prometheus's alerts agree with the collector's status")
          .atMost(SETTLE)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> {
            Sides sides = sides(stack);
            last.set(sides);
            return sides.settled();
          });
    } catch (ConditionTimeoutException e) {
      Sides sides = last.get();
      throw new AssertionError("after " + SETTLE.toSeconds() + "s the generated rules and the collector still disagree"
          + " (or the demo shows no trouble yet):\n" + (sides == null ? "(never read)" : sides.report()), e);
    }

    MeshConditions agreed = last.get().collector();
    assertThat(agreed.breaching()).as("SLOs breaching in the demo").isNotEmpty();
    assertThat(agreed.burning(Severity.PAGE)).as("page burn alerts in the demo").isNotEmpty();
    assertThat(agreed.silent()).as("silent agents in the demo").isNotEmpty();
    assertThat(stack.prometheus().api().rules())
        .as("rules Prometheus failed to evaluate")
        .noneMatch(rule -> rule.health().equals("err"));
  }

  private static Sides sides(DemoMeshStack stack) {
    MeshConditions collector = MeshConditions.ofCollector(
        stack.collectorJson("/api/v1/slos"), stack.collectorJson("/api/v1/products"));
    return new Sides(collector, MeshConditions.ofPrometheus(stack.prometheus().api().alerts()));
  }
}
