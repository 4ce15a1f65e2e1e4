package io.meshwatch.bench;

import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.model.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Every evaluation tick of two simulated hours on the tiered store, timed one by one. The JMH tick
 * benchmark ({@link SloEvaluationBenchmark}) measures about 40 minutes of ticks after history ends
 * on the hour, so no hour closes within its measurement; but the trend's cached fit is per hourly
 * step, so the first tick of each hour refits every 28- and 30-day SLO. This shows that tick next to
 * the others: setup as in the benchmark, then {@code HOURS} hours of 10-second ticks with the same
 * reports between them, and per hour the median, mean, 99th percentile and slowest tick (and when it
 * came), the ticks over 100 ms, and the mean by the tick's place in its minute (freshness SLOs count
 * a minute when it closes, which moves their series' version). The first hour also carries the JIT's
 * warm-up.
 *
 * <pre>{@code
 * java -Xms6g -Xmx6g -cp bench/target/benchmarks.jar io.meshwatch.bench.SloTickHours [hours]
 * }</pre>
 */
public final class SloTickHours {

  private SloTickHours() {}

  public static void main(String[] args) {
    int hours = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    SloFleet fleet = SloFleet.mixed(SloEvaluationBenchmark.PRODUCTS);
    SettableClock clock = new SettableClock(SloFleet.END);
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT, new MemorySliStore());
    fleet.fill(engine, clock);
    System.out.println("tiered: " + SloEvaluationBenchmark.digest(engine.evaluate()));

    int ticksPerHour = (int) Duration.ofHours(1).dividedBy(SloEvaluationBenchmark.TICK);
    int ticksPerSlot = (int) SloFleet.SLOT.dividedBy(SloEvaluationBenchmark.TICK);
    long firstSlot = SloFleet.HISTORY.dividedBy(SloFleet.SLOT);
    long tick = 0;
    for (int hour = 0; hour < hours; hour++) {
      double[] millis = new double[ticksPerHour];
      double[] byPlace = new double[6];
      int over100 = 0;
      Instant slowestAt = null;
      double slowest = -1;
      for (int i = 0; i < ticksPerHour; i++) {
        // As SloEvaluationBenchmark.ingestBetweenTicks: the clock moves and a sixtieth of the products report.
        clock.advance(SloEvaluationBenchmark.TICK);
        tick++;
        Instant now = clock.instant();
        long slot = firstSlot + tick / ticksPerSlot;
        for (int p = (int) (tick % ticksPerSlot); p < SloEvaluationBenchmark.PRODUCTS; p += ticksPerSlot) {
          for (Signal signal : fleet.signals(p, slot, now)) {
            engine.record(signal, now);
          }
        }
        long started = System.nanoTime();
        engine.evaluate();
        millis[i] = (System.nanoTime() - started) / 1e6;
        byPlace[(int) (now.getEpochSecond() % 60 / 10)] += millis[i] / (ticksPerHour / 6.0);
        over100 += millis[i] > 100 ? 1 : 0;
        if (millis[i] > slowest) {
          slowest = millis[i];
          slowestAt = now;
        }
      }
      double mean = Arrays.stream(millis).average().orElse(0);
      Arrays.sort(millis);
      System.out.printf("hour %d (ticks %s): %d ticks, median %.1f ms, mean %.1f ms, p99 %.1f ms, slowest %.1f ms at %s;"
              + " next slowest %.1f ms; %d ticks over 100 ms; mean by second in the minute (:00 :10 :20 :30 :40 :50) %s ms%n",
          hour + 1, SloFleet.END.plus(Duration.ofHours(hour)), ticksPerHour, millis[ticksPerHour / 2], mean,
          millis[(int) (ticksPerHour * 0.99)], slowest, slowestAt, millis[ticksPerHour - 2], over100,
          Arrays.toString(Arrays.stream(byPlace).map(m -> Math.round(m * 10) / 10.0).toArray()));
    }
  }
}
