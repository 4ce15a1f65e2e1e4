package io.meshwatch.bench;

import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The mesh the SLO benchmarks measure: products of four SLOs each (quality, availability, run
 * success, freshness), and what their pipelines report every {@link #SLOT}: one signal per SLO. The
 * numbers are a deterministic hash of product and slot, so every run and every fork sees the same
 * history: mostly good, with a bad slot now and then, and every tenth product worse.
 */
final class SloFleet {

  /** The instant the benchmarks evaluate at: history ends here. */
  static final Instant END = Instant.parse("2026-11-25T12:00:00Z");
  static final Duration HISTORY = Duration.ofDays(30);
  static final Duration SLOT = Duration.ofMinutes(10);
  /** Longer than {@link #SLOT}, so products reporting every slot stay {@code reporting} (the default is 2 min with heartbeats every minute). */
  static final Duration SILENCE_TIMEOUT = Duration.ofMinutes(15);
  static final int SLOS_PER_PRODUCT = 4;

  private static final Threshold FRESH_WITHIN_1H = new Threshold.MaxAge(Duration.ofHours(1));

  private final List<DataProduct> products;

  private SloFleet(List<DataProduct> products) {
    this.products = List.copyOf(products);
  }

  /**
   * {@code count} products whose SLO {@code j} of product {@code p} has window {@code (p + j) % 4}:
   * rolling 28d, rolling 30d (twice) or the calendar month (UTC or Europe/Berlin); every fifth
   * product's SLOs exclude a 4-hour maintenance two days ago and a holiday ten days ago.
   */
  static SloFleet mixed(int count) {
    SloWindow month = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("UTC"));
    SloWindow berlinMonth = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
    List<SloWindow> windows = List.of(SloWindow.rolling(Duration.ofDays(28)), SloWindow.rolling(Duration.ofDays(30)),
        SloWindow.rolling(Duration.ofDays(30)), month);
    List<Exclusion> exclusions = List.of(
        new Exclusion("maintenance", END.minus(Duration.ofDays(2)), END.minus(Duration.ofDays(2)).plus(Duration.ofHours(4))),
        new Exclusion("holiday", END.minus(Duration.ofDays(10)), END.minus(Duration.ofDays(9))));
    return build(count, p -> {
      List<SloWindow> own = new ArrayList<>();
      for (int j = 0; j < SLOS_PER_PRODUCT; j++) {
        SloWindow w = windows.get((p + j) % 4);
        own.add(w == month && p % 2 == 1 ? berlinMonth : w);
      }
      return slos(own, p % 5 == 0 ? exclusions : List.of());
    });
  }

  /** {@code count} products whose four SLOs all have {@code window} and no exclusions. */
  static SloFleet uniform(int count, SloWindow window) {
    return build(count, p -> slos(List.of(window, window, window, window), List.of()));
  }

  private static SloFleet build(int count, IntFunction<List<SloSpec>> slos) {
    List<DataProduct> products = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      products.add(new DataProduct(id(p), "team-" + p % 25, List.of(), "", List.of(), "1.0.0", List.of(),
          Links.NONE, slos.apply(p)));
    }
    return new SloFleet(products);
  }

  private static List<SloSpec> slos(List<SloWindow> windows, List<Exclusion> exclusions) {
    return List.of(
        spec("checks-pass", SliKind.QUALITY, null, 99.0, windows.get(0), exclusions),
        spec("reads-succeed", SliKind.AVAILABILITY, null, 99.9, windows.get(1), exclusions),
        spec("runs-succeed", SliKind.RUN_SUCCESS, null, 95.0, windows.get(2), exclusions),
        spec("fresh-within-1h", SliKind.FRESHNESS, FRESH_WITHIN_1H, 99.5, windows.get(3), exclusions));
  }

  private static SloSpec spec(String name, SliKind kind, Threshold threshold, double objective, SloWindow window,
      List<Exclusion> exclusions) {
    return new SloSpec(name, kind, threshold, objective, window, exclusions, SloSpec.defaultConditions(window),
        SloSpec.defaultMinHistory(window));
  }

  static ProductId id(int p) {
    return new ProductId("domain" + p / 100, "product" + p);
  }

  List<DataProduct> products() {
    return products;
  }

  int sloCount() {
    return products.size() * SLOS_PER_PRODUCT;
  }

  /** Registers every product with the engine (whose clock should stand where history starts). */
  void register(SloEngine engine) {
    products.forEach(engine::register);
  }

  /**
   * What product {@code p} reports in slot {@code slot} (received at {@code at}): one signal per SLO.
   * Quality, reads and runs are mostly good; now and then a slot is bad; data is usually 20 minutes
   * old, sometimes two hours (then the freshness SLO counts bad minutes until the next update).
   */
  List<Signal> signals(int p, long slot, Instant at) {
    ProductId id = products.get(p).id();
    long h = mix(p * 1_000_003L + slot);
    boolean worse = p % 10 == 0;
    Instant observed = at.minusSeconds(5);
    long failedChecks = h % (worse ? 40 : 200) == 0 ? 3 : 0;
    long failedReads = (h >>> 8) % (worse ? 10 : 100) == 0 ? 2 : 0;
    boolean runFailed = (h >>> 16) % (worse ? 12 : 60) == 0;
    Duration lag = (h >>> 24) % 97 == 0 ? Duration.ofHours(2) : Duration.ofMinutes(20);
    return List.of(
        new Signal.QualityOutcome(id, observed, "not_null_id", 10 - failedChecks, failedChecks, 10_000, failedChecks),
        new Signal.UsageReads(id, observed, "bi-dashboards", 100 - failedReads, failedReads, Duration.ofMillis(4_200)),
        new Signal.RunsCompleted(id, observed, runFailed ? 0 : 1, runFailed ? 1 : 0, Duration.ofMinutes(3)),
        new Signal.FreshnessUpdate(id, observed, observed.minus(lag)));
  }

  /** When product {@code p} reports in slot {@code slot}: spread over the slot so products do not all report at once. */
  static Instant reportTime(Instant slotStart, int p) {
    return slotStart.plusSeconds(p % 599);
  }

  /**
   * Feeds {@code sink} the history from {@code from} to {@code to} in time order, a batch of
   * {@code batch} products' signals (four each) at a time, as a collector receives it.
   */
  void history(Instant from, Instant to, int batch, BatchSink sink) throws Exception {
    long slots = Duration.between(from, to).dividedBy(SLOT);
    List<JournalEntry> entries = new ArrayList<>(batch * SLOS_PER_PRODUCT);
    for (long slot = 0; slot < slots; slot++) {
      Instant slotStart = from.plus(SLOT.multipliedBy(slot));
      for (int p = 0; p < products.size(); p++) {
        Instant at = reportTime(slotStart, p);
        for (Signal signal : signals(p, slot, at)) {
          entries.add(new JournalEntry(signal, at));
        }
        if (entries.size() >= batch * SLOS_PER_PRODUCT || p == products.size() - 1) {
          sink.accept(entries);
          entries.clear();
        }
      }
    }
  }

  /**
   * Registers the products at {@code END - HISTORY} and records 30 days of history into {@code engine}.
   * Product after product rather than in time order: series are independent, so the state is the
   * same, and one series at a time stays in the CPU caches, which makes setup several times faster.
   */
  void fill(SloEngine engine, SettableClock clock) {
    Instant from = END.minus(HISTORY);
    clock.set(from);
    register(engine);
    long slots = HISTORY.dividedBy(SLOT);
    for (int p = 0; p < products.size(); p++) {
      for (long slot = 0; slot < slots; slot++) {
        Instant at = reportTime(from.plus(SLOT.multipliedBy(slot)), p);
        for (Signal signal : signals(p, slot, at)) {
          engine.record(signal, at);
        }
      }
    }
    clock.set(END);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return (z ^ (z >>> 33)) & Long.MAX_VALUE;
  }

  /** Receives one batch of the history; the list is reused after the call returns. */
  @FunctionalInterface
  interface BatchSink {
    void accept(List<JournalEntry> entries) throws Exception;
  }
}
