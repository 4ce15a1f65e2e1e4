package io.meshwatch.bench;

import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Heap an {@link SloEngine} retains per SLO once every SLO holds a full window of events: live heap
 * after a full GC with the engine reachable, minus live heap after a full GC before it was built
 * (as {@link RetainedHeap} measures). The engine holds {@link SloFleet#uniform} products, four SLOs
 * each, on {@code MemorySliStore} and on its peer {@link NaiveSliStore}; each SLO's series gets one
 * event per {@link SloFleet#SLOT} over its whole window, written straight into the series the engine
 * opened. Run it with the Serial collector, whose {@code System.gc()} is a full compacting collection:
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xmx6g -cp bench/target/benchmarks.jar io.meshwatch.bench.SloRetainedHeap 30d tiered
 * }</pre>
 *
 * <p>Measure one window and store per JVM (the arguments pick them; without any, all six in one JVM):
 * in one JVM a measurement's "before" came out megabytes too high after another measurement, as if
 * some of the previous engine were still reachable, which took up to 12 MB off the next figure.
 *
 * <pre>{@code
 * }</pre>
 */
public final class SloRetainedHeap {

  private SloRetainedHeap() {}

  public static void main(String[] args) {
    System.out.println("collectors: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList());
    System.out.println("window\tstore\tSLOs\tretained bytes\tper SLO\tper SLO (KiB)");
    // Warm-up: class loading and static caches must not count as retained.
    measure("warm-up", SloWindow.rolling(Duration.ofDays(1)), 10, "tiered", MemorySliStore::new, false);
    measure("warm-up", SloWindow.rolling(Duration.ofDays(1)), 10, "naive", NaiveSliStore::new, false);
    SloWindow[] windows = {SloWindow.rolling(Duration.ofDays(30)), SloWindow.rolling(Duration.ofDays(7)),
        new SloWindow.Calendar(CalendarPeriod.QUARTER, ZoneId.of("UTC"))};
    int[] products = {2_500, 250, 250};
    List<String> only = List.of(args);
    for (int i = 0; i < windows.length; i++) {
      if (!only.isEmpty() && !only.contains(windows[i].label())) {
        continue;
      }
      if (only.isEmpty() || only.contains("tiered")) {
        measure(windows[i].label(), windows[i], products[i], "tiered", MemorySliStore::new, true);
      }
      if (only.isEmpty() || only.contains("naive")) {
        measure(windows[i].label(), windows[i], products[i], "naive", NaiveSliStore::new, true);
      }
    }
  }

  private static void measure(String label, SloWindow window, int productCount, String name,
      Supplier<SliStore> stores, boolean print) {
    SloFleet fleet = SloFleet.uniform(productCount, window);
    long before = RetainedHeap.liveHeap();
    SettableClock clock = new SettableClock(SloFleet.END);
    SliStore store = stores.get();
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT, store);
    fill(fleet, engine, store, window);
    long after = RetainedHeap.liveHeap();
    Reference.reachabilityFence(engine);
    Reference.reachabilityFence(store);
    if (print) {
      long perSlo = (after - before) / fleet.sloCount();
      System.out.printf("%s\t%s\t%,d\t%,d\t%,d\t%.1f%n", label, name, fleet.sloCount(), after - before, perSlo,
          perSlo / 1024.0);
    }
  }

  /** Registers the fleet at the end of history, then puts an event every slot of each SLO's window into its series. */
  private static void fill(SloFleet fleet, SloEngine engine, SliStore store, SloWindow window) {
    fleet.register(engine);
    Instant from = SloFleet.END.minus(window.longest());
    long slots = window.longest().dividedBy(SloFleet.SLOT);
    for (DataProduct product : fleet.products()) {
      for (SloSpec spec : product.slos()) {
        // The engine opened this series when it registered the product: open returns the same one.
        SliSeries series = store.open(product.id(), spec.name(), spec.window().longest());
        for (long slot = 0; slot < slots; slot++) {
          Instant at = from.plus(SloFleet.SLOT.multipliedBy(slot));
          series.add(at, slot % 50 == 0 ? 9 : 10, 10, at);
        }
      }
    }
  }
}
