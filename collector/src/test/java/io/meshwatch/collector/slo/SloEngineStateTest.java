package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The engine's snapshot: an engine restored from a snapshot taken at any point, then fed the signals
 * received after it at their receipt times, evaluates exactly (record equality, not within a
 * tolerance) as the engine that never stopped, at every later instant.
 */
class SloEngineStateTest {

  static final Instant START = Instant.parse("2024-03-08T06:00:00Z");
  static final Duration SILENCE = Duration.ofMinutes(15);
  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final ProductId STOCK = ProductId.parse("sales.stock");
  static final ProductId USERS = ProductId.parse("crm.users");
  static final List<ProductId> IDS = List.of(ORDERS, STOCK, USERS);

  /** Every kind of SLO: declared and learned thresholds, rolling and calendar windows, an exclusion. */
  static List<DataProduct> products() {
    SloWindow berlinWeek = new SloWindow.Calendar(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin"));
    SloWindow newYorkMonth = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("America/New_York"));
    Exclusion maintenance = new Exclusion("maintenance", START.plus(Duration.ofHours(20)), START.plus(Duration.ofHours(23)));
    return List.of(
        product(ORDERS,
            Products.spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(28))),
            Products.spec("reads", SliKind.AVAILABILITY, null, 99.5, SloWindow.rolling(Duration.ofDays(7))),
            Products.spec("runs", SliKind.RUN_SUCCESS, null, 95, berlinWeek),
            Products.spec("rows", SliKind.VOLUME, new Threshold.RowBand(800, 1200), 90, SloWindow.rolling(Duration.ofDays(1))),
            Products.spec("rows-learned", SliKind.VOLUME, null, 90, SloWindow.rolling(Duration.ofDays(7))),
            Products.spec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(45)), 95,
                SloWindow.rolling(Duration.ofDays(1))),
            Products.spec("fresh-learned", SliKind.FRESHNESS, null, 95, newYorkMonth),
            Products.spec("fresh-learned-utc", SliKind.FRESHNESS, null, 95, SloWindow.rolling(Duration.ofDays(3)))),
        product(STOCK,
            Products.spec("fresh-learned", SliKind.FRESHNESS, null, 90, SloWindow.rolling(Duration.ofDays(1))),
            Products.spec("reads", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Duration.ofHours(6)), maintenance)),
        product(USERS,
            Products.spec("checks", SliKind.QUALITY, null, 99, berlinWeek),
            Products.spec("rows-learned", SliKind.VOLUME, null, 95, SloWindow.rolling(Duration.ofDays(1)))));
  }

  @Property(tries = 10)
  void readState_restoredEngineEvaluatesExactlyAsTheOneThatNeverStopped(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    List<Step> steps = SignalStream.generate(random, 500);
    checkRestore(steps, random.nextInt(steps.size() + 1), random);
  }

  @Test
  void readState_snapshotRightAfterRegistration() throws IOException {
    List<Step> steps = SignalStream.generate(new Random(7), 600);
    List<ProductStatus> last = checkRestore(steps, 0, new Random(8));

    assertLearnedSlosJudged(last);
  }

  @Test
  void readState_snapshotMidStream() throws IOException {
    List<Step> steps = SignalStream.generate(new Random(11), 600);
    List<ProductStatus> last = checkRestore(steps, 450, new Random(12));

    assertLearnedSlosJudged(last);
  }

  /**
   * Runs {@code steps} on one engine, snapshots it before step {@code snapshotAt}, restores a second
   * engine from it and runs the rest on both, comparing every evaluation. Returns the last one.
   */
  private static List<ProductStatus> checkRestore(List<Step> steps, int snapshotAt, Random random) throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine original = new SloEngine(clock, SILENCE);
    products().forEach(original::register);
    TestClock restartClock = new TestClock(START);
    SloEngine restored = null;
    List<ProductStatus> last = List.of();
    for (int i = 0; i <= steps.size(); i++) {
      if (i == snapshotAt) {
        byte[] snapshot = bytes(original);
        // Registered again at a restart later than the snapshot, from the same descriptors.
        restartClock.set(clock.instant().plus(Duration.ofMinutes(random.nextInt(600))));
        restored = new SloEngine(restartClock, SILENCE);
        products().forEach(restored::register);
        RestoredState result = restored.readState(input(snapshot));
        assertThat(result).isEqualTo(new RestoredState(3, 12, List.of(), List.of(), List.of()));
        assertThat(bytes(restored)).as("a restored engine writes what it read").isEqualTo(snapshot);
      }
      if (i == steps.size()) {
        break;
      }
      Step step = steps.get(i);
      clock.set(step.receivedAt());
      original.record(step.signal(), step.receivedAt());
      if (restored != null) {
        restored.record(step.signal(), step.receivedAt());
      }
      if (step.evaluate()) {
        List<ProductStatus> expected = original.evaluate();
        if (restored != null) {
          restartClock.set(clock.instant());
          assertThat(restored.evaluate()).as("step %d, snapshot before step %d", i, snapshotAt).isEqualTo(expected);
        }
        last = expected;
      }
    }
    // And later, with nothing received: silence, then the windows moving on.
    for (Duration later : List.of(Duration.ofMinutes(7), Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(9))) {
      clock.set(clock.instant().plus(later));
      restartClock.set(clock.instant());
      assertThat(Objects.requireNonNull(restored).evaluate()).as("%s after the last signal", later)
          .isEqualTo(original.evaluate());
    }
    return last;
  }

  private static void assertLearnedSlosJudged(List<ProductStatus> statuses) {
    List<SloStatus> learned = statuses.stream().flatMap(p -> p.slos().stream())
        .filter(s -> s.baseline() != null).toList();
    assertThat(learned).hasSize(5).allSatisfy(slo -> {
      assertThat(slo.baseline()).extracting(LearnedBaseline::ready).isEqualTo(true);
      assertThat(slo.totalEvents()).as(slo.product() + "/" + slo.slo()).isPositive();
    });
    assertThat(learned).as("some runs or minutes judged bad").anyMatch(s -> s.goodEvents() < s.totalEvents());
  }

  @Test
  void readState_skipsProductsAndSlosNoLongerRegisteredAndKeepsNewOnes() throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine original = new SloEngine(clock, SILENCE);
    products().forEach(original::register);
    for (Step step : SignalStream.generate(new Random(3), 200)) {
      clock.set(step.receivedAt());
      original.record(step.signal(), step.receivedAt());
    }
    byte[] snapshot = bytes(original);

    SloEngine restored = new SloEngine(clock, SILENCE);
    DataProduct orders = products().get(0);
    List<SloSpec> changed = new ArrayList<>(orders.slos());
    changed.set(0, Products.spec("checks", SliKind.RUN_SUCCESS, null, 99, SloWindow.rolling(Duration.ofDays(28))));
    changed.remove(1);
    changed.add(Products.spec("added", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Duration.ofDays(1))));
    restored.register(product(ORDERS, changed.toArray(SloSpec[]::new)));
    restored.register(products().get(2));
    RestoredState result = restored.readState(input(snapshot));

    assertThat(result).isEqualTo(new RestoredState(2, 6 + 2, List.of(STOCK),
        List.of("sales.orders/checks", "sales.orders/reads"), List.of()));
    ProductStatus ordersNow = restored.evaluate().stream().filter(p -> p.product().equals(ORDERS)).findFirst().orElseThrow();
    ProductStatus ordersBefore = original.evaluate().stream().filter(p -> p.product().equals(ORDERS)).findFirst().orElseThrow();
    assertThat(ordersNow.lastSeen()).isEqualTo(ordersBefore.lastSeen());
    assertThat(ordersNow.dataTime()).isEqualTo(ordersBefore.dataTime());
    assertThat(byName(ordersNow, "checks").totalEvents()).as("kind changed: starts empty").isZero();
    assertThat(byName(ordersNow, "added").totalEvents()).isZero();
    for (String kept : List.of("runs", "rows", "rows-learned", "fresh", "fresh-learned", "fresh-learned-utc")) {
      assertThat(byName(ordersNow, kept)).as(kept).isEqualTo(byName(ordersBefore, kept));
    }
  }

  @Test
  void readState_restoresAnSloWhoseWindowChangedResizedAsRegisterDoes() throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine original = new SloEngine(clock, SILENCE);
    products().forEach(original::register);
    List<Step> steps = SignalStream.generate(new Random(5), 300);
    for (Step step : steps.subList(0, 200)) {
      clock.set(step.receivedAt());
      original.record(step.signal(), step.receivedAt());
    }
    byte[] snapshot = bytes(original);
    List<SloSpec> resized = new ArrayList<>();
    for (SloSpec spec : products().get(0).slos()) {
      resized.add(Products.spec(spec.name(), spec.kind(), spec.threshold(), spec.objectivePercent(),
          SloWindow.rolling(spec.window().longest().equals(Duration.ofDays(28)) ? Duration.ofDays(2) : Duration.ofDays(30))));
    }
    DataProduct changed = product(ORDERS, resized.toArray(SloSpec[]::new));
    original.register(changed);

    SloEngine restored = new SloEngine(clock, SILENCE);
    products().forEach(restored::register);
    restored.register(changed);
    restored.readState(input(snapshot));

    assertThat(restored.evaluate()).isEqualTo(original.evaluate());
    for (Step step : steps.subList(200, 300)) {
      clock.set(step.receivedAt());
      original.record(step.signal(), step.receivedAt());
      restored.record(step.signal(), step.receivedAt());
    }
    assertThat(restored.evaluate()).isEqualTo(original.evaluate());
  }

  @Test
  void readState_rejectsWhatIsNotAnEngineSnapshotAndChangesNothing() throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine original = new SloEngine(clock, SILENCE);
    products().forEach(original::register);
    for (Step step : SignalStream.generate(new Random(9), 200)) {
      clock.set(step.receivedAt());
      original.record(step.signal(), step.receivedAt());
    }
    byte[] snapshot = bytes(original);
    SloEngine target = new SloEngine(clock, SILENCE);
    products().forEach(target::register);
    target.record(new Signal.Heartbeat(ORDERS, clock.instant()), clock.instant());
    byte[] before = bytes(target);

    assertRejected(target, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "not an SLO engine snapshot");
    assertRejected(target, patched(snapshot, 4, 99), "unsupported SLO engine snapshot version 99");
    assertRejected(target, Arrays.copyOf(snapshot, snapshot.length - 4), "truncated SLO engine snapshot");
    assertRejected(target, patched(snapshot, snapshot.length - 4, 0), "end marker");
    for (int cut = 8; cut < snapshot.length; cut += Math.max(1, snapshot.length / 97)) {
      assertRejected(target, Arrays.copyOf(snapshot, cut), "truncated");
    }
    assertRejected(target, patched(snapshot, 12, -1), "product 1 of 3 is -1 bytes long");

    assertThat(bytes(target)).as("nothing applied").isEqualTo(before);
  }

  @Test
  void writeState_isCompactForManySlos() throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine engine = new SloEngine(clock, SILENCE);
    List<ProductId> ids = new ArrayList<>();
    for (int p = 0; p < 200; p++) {
      ProductId id = ProductId.parse("domain" + p % 20 + ".product-" + p);
      ids.add(id);
      engine.register(product(id,
          Products.spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(28))),
          Products.spec("reads", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Duration.ofDays(7))),
          Products.spec("runs", SliKind.RUN_SUCCESS, null, 99, SloWindow.rolling(Duration.ofDays(28))),
          Products.spec("rows", SliKind.VOLUME, null, 99, SloWindow.rolling(Duration.ofDays(28))),
          Products.spec("fresh", SliKind.FRESHNESS, null, 99, SloWindow.rolling(Duration.ofDays(28)))));
    }
    // A day of hourly reports from every product.
    for (int hour = 0; hour < 24; hour++) {
      clock.set(START.plus(Duration.ofHours(hour)));
      Instant now = clock.instant();
      for (ProductId id : ids) {
        engine.record(new Signal.QualityOutcome(id, now, "not-null", 9, 1, 0, 0));
        engine.record(new Signal.UsageReads(id, now, "finance", 20, 0, Duration.ZERO));
        engine.record(new Signal.RunsCompleted(id, now, 1, 0, Duration.ofMinutes(3)));
        engine.record(new Signal.VolumeWritten(id, now, 1, 1000 + hour));
        engine.record(new Signal.FreshnessUpdate(id, now, now));
      }
    }

    byte[] snapshot = bytes(engine);

    // Measured: 729,806 bytes for 1,000 SLOs in 200 products, about 3.6 KB per product. An
    // event-based SLO's day of hourly events sits in 6 minute (the last 6 hours), 24 five-minute and
    // 24 hour buckets of 12 bytes each (~0.7 KB); the learned freshness SLO has no counted minute yet
    // (a day of hourly updates is too few intervals), its cadence learner takes ~0.4 KB and the
    // volume learner ~0.2 KB (24 runs). Bounds, so that a learner's format may grow a little.
    assertThat(snapshot.length).isBetween(700_000, 760_000);
    SloEngine restored = new SloEngine(clock, SILENCE);
    // Nothing registered: everything is skipped, and still read through to the end marker.
    assertThat(restored.readState(input(snapshot)).skippedProducts()).hasSize(200);
  }

  private static SloStatus byName(ProductStatus product, String slo) {
    return product.slos().stream().filter(s -> s.slo().equals(slo)).findFirst().orElseThrow();
  }

  private static void assertRejected(SloEngine engine, byte[] input, String message) {
    assertThatThrownBy(() -> engine.readState(input(input))).isInstanceOf(IOException.class)
        .hasMessageContaining(message);
  }

  private static byte[] patched(byte[] bytes, int at, int value) {
    byte[] copy = bytes.clone();
    ByteBuffer.wrap(copy).putInt(at, value);
    return copy;
  }

  static byte[] bytes(SloEngine engine) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      engine.writeState(out);
    }
    return bytes.toByteArray();
  }

  static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  /** A signal, when it was received, and whether the engines are evaluated after it. */
  record Step(Signal signal, Instant receivedAt, boolean evaluate) {}

  /** Mixed signal streams from a seed, for the three products of {@link #products()}. */
  static final class SignalStream {

    private SignalStream() {}

    static List<Step> generate(Random random, int count) {
      List<Step> steps = new ArrayList<>();
      Instant now = START;
      double[] level = {1000, 1000, 1000};
      for (int i = 0; i < count; i++) {
        int gap = random.nextInt(20);
        // Mostly minutes apart; now and then a silence of hours, once in a while a day.
        long advance = gap == 0 ? 60 + random.nextInt(300) : gap == 1 && random.nextInt(8) == 0
            ? 1440 + random.nextInt(600) : random.nextInt(12);
        now = now.plus(Duration.ofMinutes(advance)).plusMillis(random.nextInt(60_000)).plusNanos(random.nextInt(1000));
        int p = random.nextInt(IDS.size());
        ProductId id = IDS.get(p);
        Instant observed = now.minusSeconds(random.nextInt(4) == 0 ? random.nextInt(7200) - 600 : random.nextInt(60));
        Signal signal = switch (random.nextInt(8)) {
          case 0, 1 -> new Signal.FreshnessUpdate(id, observed, random.nextInt(30) == 0
              ? now.plus(Duration.ofMinutes(random.nextInt(90)))
              : now.minusSeconds(random.nextInt(random.nextInt(12) == 0 ? 10_000 : 600)));
          case 2 -> new Signal.QualityOutcome(id, observed, "not-null", random.nextInt(10), random.nextInt(3) == 0 ? 1 : 0,
              0, 0);
          case 3 -> new Signal.UsageReads(id, observed, "finance", random.nextInt(50), random.nextInt(10) == 0 ? 3 : 0,
              Duration.ofMillis(random.nextInt(500)));
          case 4 -> new Signal.RunsCompleted(id, observed, random.nextInt(3), random.nextInt(6) == 0 ? 1 : 0,
              Duration.ofMinutes(3));
          case 5 -> volume(random, id, observed, level, p);
          default -> new Signal.Heartbeat(id, observed);
        };
        steps.add(new Step(signal, now, random.nextInt(3) == 0));
      }
      return steps;
    }

    private static Signal volume(Random random, ProductId id, Instant observed, double[] level, int p) {
      if (random.nextInt(40) == 0) {
        level[p] *= 0.3 + random.nextDouble(); // a level shift
      }
      int runs = random.nextInt(10) == 0 ? random.nextInt(3) : 1;
      double perRun = random.nextInt(15) == 0 ? level[p] * (random.nextBoolean() ? 0.4 : 5) // an anomaly
          : level[p] * (0.97 + 0.06 * random.nextDouble());
      return new Signal.VolumeWritten(id, observed, runs, perRun * runs);
    }
  }
}
