package io.meshwatch.bench.alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * The run's figures as text: a console row per contender and round, and the markdown that goes into
 * {@code docs/BENCHMARKS.md} (run conditions, the command, every round, the summary with ratios and
 * verdicts against the targets).
 */
final class AlertingReport {
  static final double THROUGHPUT_TARGET = 3.0;
  static final double LATENCY_TARGET = 1.0;

  private final AlertingVsAlertmanager.Settings settings;
  private final BenchRoutes routes;
  private final List<SideResult> results;
  private final Instant started;
  private final String loadBefore;
  private final String loadAfter;

  AlertingReport(AlertingVsAlertmanager.Settings settings, BenchRoutes routes, List<SideResult> results,
      Instant started, String loadBefore, String loadAfter) {
    this.settings = settings;
    this.routes = routes;
    this.results = List.copyOf(results);
    this.started = started;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
  }

  static String row(SideResult r) {
    return String.format(Locale.ROOT,
        "round %d %-12s %,9.0f alerts/CPU-s (while posting %,9.0f)  CPU %.2f/%.2f/%.2f s  posted %.1f s  delivered %.1f s"
            + "  latency-gw p50 %.0f p99 %.0f max %.0f ms  notifications %d  dup %d  unexpected %d  missing %d%n"
            + "        busiest threads: %s",
        r.round(), r.side(), r.alertsPerCpuSecond(), r.alertsPerIngestCpuSecond(), r.cpuIngestSeconds(),
        r.cpuDeliveredSeconds(), r.cpuSettledSeconds(), r.postSeconds(), r.deliveredSeconds(),
        r.latencyPercentile(50), r.latencyPercentile(99), r.latencyMax(), r.notifications(), r.duplicates(),
        r.unexpected(), r.missing(), r.busiestThreads());
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd, HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    md.append("| | |\n|---|---|\n")
        .append("| date | ").append(time.format(started)).append("–")
        .append(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now()))
        .append(" UTC |\n")
        .append("| code | ").append(gitCommit()).append(" |\n")
        .append("| machine | ").append(machine()).append(" |\n")
        .append("| JVM (meshwatch side) | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(", `").append(String.join(" ", settings.jvmArgs()))
        .append("`").append(settings.serverArgs().isEmpty() ? "" : ", server `" + String.join(" ", settings.serverArgs()) + "`")
        .append(" |\n")
        .append("| peer | ").append(AlertmanagerPeer.version()).append(" |\n")
        .append("| load | 1/5/15-minute load average ").append(loadBefore).append(" before, ").append(loadAfter)
        .append(" after |\n")
        .append("| run | ").append(String.format(Locale.ROOT, "%,d", settings.alerts()))
        .append(" alerts per contender and round (after a warm-up of ").append(String.format(Locale.ROOT, "%,d", settings.warmup()))
        .append("), in batches of ").append(settings.batch()).append(" at ")
        .append(settings.rate() == 0 ? "full speed" : String.format(Locale.ROOT, "%,d alerts/s", settings.rate()))
        .append("; ").append(settings.rounds()).append(" rounds, alternating which contender goes first; group_wait ")
        .append(routes.groupWait().toMillis()).append(" ms, group_interval ").append(routes.groupInterval().toSeconds())
        .append(" s |\n\n");

    md.append("```bash\njava -cp bench/target/benchmarks.jar io.meshwatch.bench.alerting.AlertingVsAlertmanager")
        .append(" --alerts ").append(settings.alerts()).append(" --warmup ").append(settings.warmup())
        .append(" --rounds ").append(settings.rounds()).append(" --batch ").append(settings.batch())
        .append(" --rate ").append(settings.rate())
        .append(String.join(" ", settings.jvmArgs()).equals(AlertingVsAlertmanager.DEFAULT_JVM) ? ""
            : " --jvm \"" + String.join(" ", settings.jvmArgs()) + "\"")
        .append(settings.serverArgs().isEmpty() ? "" : " --meshwatch-args \"" + String.join(" ", settings.serverArgs()) + "\"")
        .append(" --doc docs/BENCHMARKS.md\n```\n\n");

    md.append("| round | contender | alerts per CPU-second (to delivered) | while posting | server CPU s: ingest / to delivered / + settle")
        .append(" | posted in s | all delivered after s | notifications | latency beyond group_wait p50 / p99 / max ms")
        .append(" | duplicates | unexpected | missing |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (SideResult r : results) {
      md.append(String.format(Locale.ROOT,
          "| %d | %s | %,.0f | %,.0f | %.2f / %.2f / %.2f | %.1f | %.1f | %,d | %.0f / %.0f / %.0f | %d | %d | %d |\n",
          r.round(), r.side(), r.alertsPerCpuSecond(), r.alertsPerIngestCpuSecond(),
          r.cpuIngestSeconds(), r.cpuDeliveredSeconds(), r.cpuSettledSeconds(), r.postSeconds(), r.deliveredSeconds(),
          r.notifications(), r.latencyPercentile(50), r.latencyPercentile(99), r.latencyMax(),
          r.duplicates(), r.unexpected(), r.missing()));
    }
    md.append("\nServer threads that used the most CPU from the first measured post until all delivered (by name,")
        .append(" digits as `#`; Alertmanager's Go threads all carry the process name):\n\n");
    for (SideResult r : results) {
      md.append("- round ").append(r.round()).append(", ").append(r.side()).append(": ").append(r.busiestThreads()).append('\n');
    }
    md.append('\n').append(summary());
    return md.toString();
  }

  private String summary() {
    List<SideResult> mw = of(AlertingVsAlertmanager.MESHWATCH);
    List<SideResult> am = of(AlertingVsAlertmanager.ALERTMANAGER);
    if (mw.isEmpty() || am.isEmpty()) {
      return "Only one contender ran: no ratios.\n";
    }
    double mwRate = median(mw.stream().mapToDouble(SideResult::alertsPerCpuSecond));
    double amRate = median(am.stream().mapToDouble(SideResult::alertsPerCpuSecond));
    double mwIngest = median(mw.stream().mapToDouble(SideResult::alertsPerIngestCpuSecond));
    double amIngest = median(am.stream().mapToDouble(SideResult::alertsPerIngestCpuSecond));
    SideResult mwAll = pooled(mw);
    SideResult amAll = pooled(am);
    double p50 = mwAll.latencyPercentile(50) / amAll.latencyPercentile(50);
    double p99 = mwAll.latencyPercentile(99) / amAll.latencyPercentile(99);
    StringBuilder md = new StringBuilder()
        .append("| figure | meshwatch | Alertmanager | meshwatch ÷ Alertmanager | target | verdict |\n")
        .append("|---|---|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| alerts taken in per CPU-second, until all delivered (median of rounds) | %,.0f | %,.0f | **%.2f×** | ≥ %.0f× | %s |\n",
        mwRate, amRate, mwRate / amRate, THROUGHPUT_TARGET, mwRate / amRate >= THROUGHPUT_TARGET ? "met" : "**not met**"));
    md.append(String.format(Locale.ROOT, "| alerts taken in per CPU-second, while posting only (median of rounds) | %,.0f | %,.0f | %.2f× | — | |\n",
        mwIngest, amIngest, mwIngest / amIngest));
    md.append(String.format(Locale.ROOT, "| latency beyond group_wait, p50 (all rounds' deliveries) | %.0f ms | %.0f ms | **%.2f×** | ≤ %.1f× | %s |\n",
        mwAll.latencyPercentile(50), amAll.latencyPercentile(50), p50, LATENCY_TARGET, p50 <= LATENCY_TARGET ? "met" : "**not met**"));
    md.append(String.format(Locale.ROOT, "| latency beyond group_wait, p99 | %.0f ms | %.0f ms | **%.2f×** | ≤ %.1f× | %s |\n",
        mwAll.latencyPercentile(99), amAll.latencyPercentile(99), p99, LATENCY_TARGET, p99 <= LATENCY_TARGET ? "met" : "**not met**"));
    md.append(String.format(Locale.ROOT, "| latency beyond group_wait, max | %.0f ms | %.0f ms | %.2f× | — | |\n",
        mwAll.latencyMax(), amAll.latencyMax(), mwAll.latencyMax() / amAll.latencyMax()));
    md.append(String.format(Locale.ROOT, "| duplicates / unexpected / missing deliveries, all rounds | %d / %d / %d | %d / %d / %d | | 0 | %s |\n",
        mwAll.duplicates(), mwAll.unexpected(), mwAll.missing(), amAll.duplicates(), amAll.unexpected(), amAll.missing(),
        mwAll.duplicates() + mwAll.unexpected() + mwAll.missing() == 0 ? "met (meshwatch)" : "**not met** (meshwatch)"));
    return md.toString();
  }

  private List<SideResult> of(String side) {
    return results.stream().filter(r -> r.side().equals(side)).toList();
  }

  /** All rounds of one contender as one result: latencies and counts pooled. */
  private static SideResult pooled(List<SideResult> rounds) {
    return new SideResult(0, rounds.get(0).side(),
        rounds.stream().mapToInt(SideResult::alerts).sum(),
        rounds.stream().mapToInt(SideResult::expectedDeliveries).sum(),
        0, 0, 1, 1, 1,
        rounds.stream().flatMapToDouble(r -> DoubleStream.of(r.latencyMillis())).toArray(),
        rounds.stream().mapToLong(SideResult::notifications).sum(),
        rounds.stream().mapToInt(SideResult::duplicates).sum(),
        rounds.stream().mapToInt(SideResult::unexpected).sum(),
        rounds.stream().mapToInt(SideResult::missing).sum(), "");
  }

  private static double median(DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String machine() {
    String model = "?";
    String memory = "?";
    String debian = "?";
    try {
      model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GB").orElse("?");
      debian = Files.readString(Path.of("/etc/debian_version")).strip();
    } catch (IOException e) {
      // best effort: the figures stand without it
    }
    return Runtime.getRuntime().availableProcessors() + " vCPUs (" + model + "), " + memory + " RAM, Debian " + debian;
  }

  private static String gitCommit() {
    try {
      Process head = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String commit = new String(head.getInputStream().readAllBytes()).strip();
      Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
      boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
      head.waitFor();
      status.waitFor();
      return "`" + commit + "`" + (dirty ? " with local changes" : "");
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
