package io.meshwatch.bench.alerting;

import io.meshwatch.bench.alerting.AlertFleet.LoadAlert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * meshwatch's alerting against Prometheus Alertmanager 0.25 in one run: in each round both take the
 * same alerts ({@link AlertFleet}) over Alertmanager's API v2, route them through the same tree
 * ({@link BenchRoutes}) and notify the same kind of sink ({@link WebhookSink}); each runs as its own
 * process, started fresh per round. Rounds alternate which contender goes first (A B, B A, ...), so
 * that a drift in the machine's load over the run falls on both; the default of four rounds is two
 * such pairs. Prints a table and, with
 * {@code --doc}, puts the figures into {@code docs/BENCHMARKS.md} (section 4).
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.alerting.AlertingVsAlertmanager \
 *   [--alerts 50000] [--warmup 50000] [--rounds 4] [--batch 600] [--rate 10000] \
 *   [--only alertmanager|meshwatch] [--jvm "-Xms1g -Xmx1g"] [--meshwatch-args "--outbox-threads 4"] \
 *   [--doc docs/BENCHMARKS.md]
 * }</pre>
 */
public final class AlertingVsAlertmanager {
  static final String ALERTMANAGER = "Alertmanager";
  static final String MESHWATCH = "meshwatch";
  static final String DEFAULT_JVM = "-Xms1g -Xmx1g";

  private AlertingVsAlertmanager() {}

  record Settings(int alerts, int warmup, int rounds, int batch, int rate, String only, List<String> jvmArgs,
      List<String> serverArgs) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = options(args);
    Settings settings = new Settings(
        Integer.parseInt(options.getOrDefault("alerts", "50000")),
        Integer.parseInt(options.getOrDefault("warmup", "50000")),
        Integer.parseInt(options.getOrDefault("rounds", "4")),
        Integer.parseInt(options.getOrDefault("batch", "600")),
        Integer.parseInt(options.getOrDefault("rate", "10000")),
        options.getOrDefault("only", ""),
        words(options.getOrDefault("jvm", DEFAULT_JVM)),
        words(options.getOrDefault("meshwatch-args", "")));
    BenchRoutes routes = BenchRoutes.standard();
    List<LoadAlert> warmup = AlertFleet.of("warm", settings.warmup());
    List<LoadAlert> measured = AlertFleet.of("p", settings.alerts());
    SideRun run = new SideRun(routes, settings.batch(), settings.rate());
    Instant started = Instant.now();
    String loadBefore = loadAverage();

    List<SideResult> results = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      List<String> order = round % 2 == 1 ? List.of(ALERTMANAGER, MESHWATCH) : List.of(MESHWATCH, ALERTMANAGER);
      for (String side : order) {
        if (!settings.only().isEmpty() && !side.equalsIgnoreCase(settings.only())) {
          continue;
        }
        SideRun.Starter starter = side.equals(ALERTMANAGER)
            ? sink -> AlertmanagerPeer.start(routes, sink)
            : sink -> MeshwatchPeer.start(routes, sink, settings.jvmArgs(), settings.serverArgs());
        SideResult result = run.run(round, side, starter, warmup, measured);
        results.add(result);
        System.out.println(AlertingReport.row(result));
      }
    }
    AlertingReport report = new AlertingReport(settings, routes, results, started, loadBefore, loadAverage());
    System.out.println();
    System.out.println(report.markdown());
    String doc = options.get("doc");
    if (doc != null) {
      BenchmarksDoc.write(Path.of(doc), report.markdown());
      System.out.println("figures written to " + doc);
    }
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split(" ")).filter(word -> !word.isBlank()).toList();
  }

  static String loadAverage() {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " " + load[1] + " " + load[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
