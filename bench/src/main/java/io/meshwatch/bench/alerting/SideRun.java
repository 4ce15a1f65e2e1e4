package io.meshwatch.bench.alerting;

import io.meshwatch.bench.alerting.AlertFleet.LoadAlert;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One contender's part of a round: a fresh sink and server, a warm-up load (its own alerts, waited
 * for until delivered, so that JIT and first-use costs are not measured), then the measured load, the
 * wait until every expected notification arrived, and a settling time of group_interval + 1 s in
 * which late duplicates would still be counted.
 */
final class SideRun {
  static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

  /** Starts a contender's server posting to a sink. */
  @FunctionalInterface
  interface Starter {
    ServerProcess start(URI sink) throws IOException, InterruptedException;
  }

  private final BenchRoutes routes;
  private final int batchSize;
  private final int perSecond;

  SideRun(BenchRoutes routes, int batchSize, int perSecond) {
    this.routes = routes;
    this.batchSize = batchSize;
    this.perSecond = perSecond;
  }

  SideResult run(int round, String side, Starter starter, List<LoadAlert> warmup, List<LoadAlert> measured)
      throws IOException, InterruptedException {
    try (WebhookSink sink = new WebhookSink(); ServerProcess server = starter.start(sink.url())) {
      AlertLoad load = new AlertLoad(server.baseUrl(), batchSize, perSecond);
      Map<String, String> warmupExpected = expected(warmup);
      sink.expect(warmupExpected.keySet());
      load.post(warmup);
      if (sink.awaitExpected(DELIVERY_TIMEOUT) < 0) {
        throw new IOException(side + ": " + sink.remaining() + " warm-up deliveries missing after "
            + DELIVERY_TIMEOUT + "; server log:\n" + tail(server.log()));
      }

      Map<String, String> expected = expected(measured);
      sink.expect(expected.keySet());
      long notificationsBefore = sink.notifications();
      Map<String, Double> threadsStart = ProcessCpu.byThreadName(server.pid());
      double cpuStart = ProcessCpu.seconds(server.pid());
      AlertLoad.Posted posted = load.post(measured);
      double cpuIngest = ProcessCpu.seconds(server.pid()) - cpuStart;
      long lastArrival = sink.awaitExpected(DELIVERY_TIMEOUT);
      double cpuDelivered = ProcessCpu.seconds(server.pid()) - cpuStart;
      String threads = busiestThreads(threadsStart, ProcessCpu.byThreadName(server.pid()));
      if (lastArrival < 0) {
        System.err.println(side + ": " + sink.remaining() + " deliveries missing after " + DELIVERY_TIMEOUT);
        lastArrival = System.nanoTime();
      }
      TimeUnit.MILLISECONDS.sleep(routes.groupInterval().plusSeconds(1).toMillis());
      double cpuSettled = ProcessCpu.seconds(server.pid()) - cpuStart;

      double groupWaitMillis = routes.groupWait().toNanos() / 1e6;
      double[] latencies = new double[expected.size()];
      int arrived = 0;
      for (Map.Entry<String, String> delivery : expected.entrySet()) {
        WebhookSink.Delivery got = sink.delivery(delivery.getKey());
        if (got != null) {
          latencies[arrived++] = (got.firstNanos - posted.sentNanos().get(delivery.getValue())) / 1e6 - groupWaitMillis;
        }
      }
      int duplicates = 0;
      int unexpected = 0;
      for (Map.Entry<String, WebhookSink.Delivery> delivery : sink.deliveries().entrySet()) {
        if (expected.containsKey(delivery.getKey())) {
          duplicates += delivery.getValue().count.get() - 1;
        } else if (!warmupExpected.containsKey(delivery.getKey())) {
          unexpected += delivery.getValue().count.get();
        }
      }
      server.close();
      List<String> said = server.finalLog().lines().filter(line -> !line.isBlank()).toList();
      System.out.println("  " + side + " said at the end: "
          + String.join(" | ", said.subList(Math.max(0, said.size() - 3), said.size())));
      return new SideResult(round, side, measured.size(), expected.size(),
          posted.duration().toNanos() / 1e9, (lastArrival - posted.firstSentNanos()) / 1e9,
          cpuIngest, cpuDelivered, cpuSettled, Arrays.copyOf(latencies, arrived),
          sink.notifications() - notificationsBefore, duplicates, unexpected, expected.size() - arrived, threads);
    }
  }

  /** Every delivery the route tree calls for: sink delivery key → alert key. */
  private static Map<String, String> expected(List<LoadAlert> alerts) {
    Map<String, String> expected = new HashMap<>(alerts.size() * 3);
    for (LoadAlert alert : alerts) {
      for (String receiver : BenchRoutes.receivers(alert.labels())) {
        expected.put(WebhookSink.deliveryKey(receiver, "firing", alert.key()), alert.key());
      }
    }
    return expected;
  }

  /** The threads that used the most CPU between the two readings, e.g. {@code C# CompilerThread# 0.41s}. */
  private static String busiestThreads(Map<String, Double> before, Map<String, Double> after) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() >= 0.01)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(8)
        .map(e -> String.format(java.util.Locale.ROOT, "%s %.2fs", e.getKey(), e.getValue()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String tail(String log) {
    List<String> lines = new ArrayList<>(log.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
