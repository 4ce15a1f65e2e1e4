package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloEngineHistoryTest {

  private static final Duration HOUR = Duration.ofHours(1);

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void history_givesEachBucketsSliBurnRateAndTheBurnDown() {
    Instant six = Instant.parse("2024-03-10T06:00:00Z");
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 90, SloWindow.rolling(Duration.ofDays(1)),
        new Exclusion("maintenance", six, six.plus(HOUR)))));
    engine.record(reads(Instant.parse("2024-03-10T01:10:00Z"), 100, 0));
    engine.record(reads(Instant.parse("2024-03-10T03:20:00Z"), 95, 5));
    engine.record(reads(Instant.parse("2024-03-10T06:30:00Z"), 0, 100));
    engine.record(reads(Instant.parse("2024-03-10T09:59:00Z"), 80, 20));
    SloStatus status = engine.evaluate().get(0).slos().get(0);

    SloHistory history = engine.history(ORDERS, "reads", HOUR).orElseThrow();

    assertThat(history.window()).isEqualTo(new WindowSpan(clock.instant().minus(Duration.ofDays(1)), clock.instant()));
    assertThat(history.step()).isEqualTo(HOUR);
    // Hour buckets from 12:00 yesterday (holding the window's first minute) to 12:00 today.
    List<SloHistory.Point> points = history.points();
    assertThat(points).hasSize(25);
    assertThat(points.get(0).at()).isEqualTo(Instant.parse("2024-03-09T12:00:00Z"));
    assertThat(points.get(24).at()).isEqualTo(Instant.parse("2024-03-10T12:00:00Z"));
    SloHistory.Point one = point(points, "01:00");
    SloHistory.Point three = point(points, "03:00");
    SloHistory.Point six30 = point(points, "06:00");
    SloHistory.Point nine = point(points, "09:00");
    assertThat(one.sli()).isEqualTo(1.0);
    assertThat(one.burnRate()).isEqualTo(0.0);
    assertThat(three.sli()).isEqualTo(0.95);
    assertThat(three.burnRate()).isCloseTo(0.5, within(1e-9));
    // The maintenance hour's outage is not there.
    assertThat(six30.sli()).isNull();
    assertThat(six30.burnRate()).isNull();
    assertThat(nine.burnRate()).isCloseTo(2.0, within(1e-9));
    // Budget of the window: 10 % of 300 events = 30 bad; 5 spent by 03:00, 25 by 09:00.
    assertThat(point(points, "02:00").budgetRemaining()).isEqualTo(1.0);
    assertThat(three.budgetRemaining()).isCloseTo(1 - 5.0 / 30, within(1e-9));
    assertThat(six30.budgetRemaining()).isCloseTo(1 - 5.0 / 30, within(1e-9));
    assertThat(nine.budgetRemaining()).isCloseTo(1 - 25.0 / 30, within(1e-9));
    assertThat(points.get(24).budgetRemaining()).isCloseTo(status.errorBudgetRemaining(), within(1e-12));
  }

  @Test
  void history_unknownProductOrSloIsEmpty() {
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 90, SloWindow.rolling(Duration.ofDays(1)))));

    assertThat(engine.history(ORDERS, "nope", HOUR)).isEmpty();
    assertThat(engine.history(io.meshwatch.model.ProductId.parse("sales.nope"), "reads", HOUR)).isEmpty();
  }

  @Test
  void history_refusesStepsUnderAMinuteAndTooManyPoints() {
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 90, SloWindow.rolling(Duration.ofDays(28)))));

    assertThatThrownBy(() -> engine.history(ORDERS, "reads", Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least PT1M");
    assertThatThrownBy(() -> engine.history(ORDERS, "reads", Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2000 points");
    assertThat(engine.history(ORDERS, "reads", HOUR).orElseThrow().points()).hasSize(28 * 24 + 1);
  }

  private static SloHistory.Point point(List<SloHistory.Point> points, String hour) {
    Instant at = Instant.parse("2024-03-10T" + hour + ":00Z");
    return points.stream().filter(p -> p.at().equals(at)).findFirst().orElseThrow();
  }

  private static Signal.UsageReads reads(Instant at, long succeeded, long failed) {
    return new Signal.UsageReads(ORDERS, at, "finance", succeeded, failed, Duration.ZERO);
  }
}
