package io.meshwatch.bench.alerting;

import java.util.Arrays;

/**
 * What one contender did in one round. CPU is the server process's, from just before the first
 * measured post: {@code cpuIngestSeconds} until the last post was answered, {@code cpuDeliveredSeconds}
 * until the sink had every expected notification. Latencies are per delivery (alert × receiver):
 * arrival at the sink − the alert's post − group_wait, in milliseconds. {@code busiestThreads}: the
 * server's threads that used the most CPU until delivered, by name (a diagnostic).
 */
record SideResult(
    int round,
    String side,
    int alerts,
    int expectedDeliveries,
    double postSeconds,
    double deliveredSeconds,
    double cpuIngestSeconds,
    double cpuDeliveredSeconds,
    double cpuSettledSeconds,
    double[] latencyMillis,
    long notifications,
    int duplicates,
    int unexpected,
    int missing,
    String busiestThreads) {

  SideResult {
    latencyMillis = latencyMillis.clone();
    Arrays.sort(latencyMillis);
  }

  double alertsPerCpuSecond() {
    return alerts / cpuDeliveredSeconds;
  }

  double alertsPerIngestCpuSecond() {
    return alerts / cpuIngestSeconds;
  }

  double latencyPercentile(double percent) {
    if (latencyMillis.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100 * latencyMillis.length) - 1;
    return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, index))];
  }

  double latencyMax() {
    return latencyMillis.length == 0 ? Double.NaN : latencyMillis[latencyMillis.length - 1];
  }
}
