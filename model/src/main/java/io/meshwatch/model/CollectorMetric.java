package io.meshwatch.model;

import java.util.List;

/**
 * Every metric the collector exposes on {@code /metrics}, with its canonical (dotted) name, type,
 * labels and help. The collector registers meters by {@link #canonicalName()}; dashboards and rule
 * files refer to {@link #prometheusName()}. This is the only place either name is spelled.
 */
public enum CollectorMetric {
  SLO_SLI("meshwatch.slo.sli", Type.GAUGE, "SLI over the last 5 minutes (ratio of good events)", Labels.SLO),
  SLO_COMPLIANCE("meshwatch.slo.compliance", Type.GAUGE, "SLI over the SLO window", Labels.SLO),
  SLO_OBJECTIVE("meshwatch.slo.objective", Type.GAUGE, "The SLO's objective as a ratio", Labels.SLO),
  SLO_ERROR_BUDGET_REMAINING(
      "meshwatch.slo.error.budget.remaining", Type.GAUGE, "Share of the window's error budget left (negative when overspent)", Labels.SLO),
  SLO_BURN_RATE("meshwatch.slo.burn.rate", Type.GAUGE, "Error budget burn rate over a window (1 = on budget)", Labels.SLO_WINDOW),
  SLO_BREACHING("meshwatch.slo.breaching", Type.GAUGE, "1 while compliance is below the objective, else 0", Labels.SLO),
  SLO_NO_DATA("meshwatch.slo.no.data", Type.GAUGE,
      "1 while the SLI cannot be measured (agent silent, or no events in the window) and its budget is frozen, else 0", Labels.SLO),
  SLO_INSUFFICIENT_HISTORY("meshwatch.slo.insufficient.history", Type.GAUGE,
      "1 while the SLO has been measured for less than its minimum history, else 0", Labels.SLO),
  SLO_ERROR("meshwatch.slo.error", Type.GAUGE,
      "1 while the collector fails to evaluate the SLO (its budget is frozen, alerts neither fire nor resolve), else 0",
      Labels.SLO),
  SLO_BURN_ALERT("meshwatch.slo.burn.alert", Type.GAUGE,
      "1 while a burn-rate condition holds (both its windows burn faster than its threshold; never while no_data or error), else 0",
      Labels.SLO_CONDITION),
  SLO_WINDOW_SECONDS("meshwatch.slo.window.seconds", Type.GAUGE,
      "Length of the SLO's window in seconds: fixed for a rolling window, the current period's for a calendar one", Labels.SLO),
  SLO_FRESHNESS_THRESHOLD_SECONDS("meshwatch.slo.freshness.threshold.seconds", Type.GAUGE,
      "The data age a freshness SLO tolerates (seconds), declared or learned from the product's cadence; NaN while learning",
      Labels.SLO),
  SLO_VOLUME_BAND_ROWS("meshwatch.slo.volume.band.rows", Type.GAUGE,
      "The rows per run a volume SLO accepts, declared or learned, by bound (lower, upper); NaN while learning",
      Labels.SLO_BOUND),
  PRODUCT_AGENT_SILENT(
      "meshwatch.product.agent.silent", Type.GAUGE, "1 while the product's agent has been silent past the timeout, else 0", Labels.PRODUCT),
  PRODUCT_DATA_AGE_SECONDS(
      "meshwatch.product.data.age.seconds", Type.GAUGE, "Age of the product's newest data (seconds)", Labels.PRODUCT),
  PRODUCT_EVALUATION_FAILURES("meshwatch.product.evaluation.failures", Type.COUNTER,
      "Evaluations of the product that failed in part (an SLO in state error) or whole", Labels.PRODUCT),
  PRODUCT_SIGNALS_DROPPED("meshwatch.product.signals.dropped", Type.COUNTER,
      "Accepted signals of the product the SLO engine could not count (failed to apply, live or replayed, or older"
          + " than an SLO keeps)", Labels.PRODUCT),
  PRODUCT_RESTORE_FAILURES("meshwatch.product.restore.failures", Type.COUNTER,
      "Starts at which the product's saved state could not be read or applied, so that it started empty",
      Labels.PRODUCT),
  PRODUCT_LABEL_VALUES_FOLDED("meshwatch.product.label.values.folded", Type.COUNTER,
      "Signals of the product whose check or consumer value was published as _other, past the product's own budget"
          + " of label values (limits.labelValuesPerProduct) or longer than 128 characters, by label",
      Labels.PRODUCT_LABEL_NAME),
  QUALITY_CHECKS("meshwatch.quality.checks", Type.COUNTER,
      "Quality checks run, by check and outcome (passed, failed)", Labels.PRODUCT_CHECK),
  VOLUME_ROWS("meshwatch.volume.rows", Type.GAUGE, "Rows per run of the latest reported runs", Labels.PRODUCT),
  USAGE_READS("meshwatch.usage.reads", Type.COUNTER,
      "Reads of the product, by consumer and outcome (succeeded, failed)", Labels.PRODUCT_CONSUMER),
  RUNS("meshwatch.runs", Type.COUNTER, "Pipeline runs completed, by status (succeeded, failed)", Labels.PRODUCT_STATUS),
  RUN_DURATION_SECONDS("meshwatch.run.duration.seconds", Type.COUNTER,
      "Summed duration of completed runs (seconds); its rate over meshwatch_runs_total's is the mean run duration",
      Labels.PRODUCT),
  DESCRIPTOR_PROBLEMS("meshwatch.descriptor.problems", Type.GAUGE,
      "Problems found when the descriptors were last loaded, by severity (error, warning)", List.of("severity")),
  INGEST_SIGNALS("meshwatch.ingest.signals", Type.COUNTER, "Signals accepted, by transport", List.of("transport")),
  INGEST_REJECTED("meshwatch.ingest.rejected", Type.COUNTER, "Requests or points rejected, by reason", List.of("reason")),
  ALERTS("meshwatch.alerts", Type.GAUGE,
      "Alerts by state (pending, firing; suppressed = firing but silenced or inhibited) and severity", List.of("state", "severity")),
  NOTIFICATIONS_SENT("meshwatch.notifications.sent", Type.COUNTER, "Notifications delivered, by receiver", List.of("receiver")),
  NOTIFICATIONS_FAILED("meshwatch.notifications.failed", Type.COUNTER,
      "Failed delivery attempts, by receiver and whether the outbox retries (retry=\"false\": given up)", List.of("receiver", "retry")),
  NOTIFICATION_LATENCY("meshwatch.notification.latency", Type.TIMER,
      "Time from queuing a notification to its delivery, by receiver", List.of("receiver")),
  NOTIFICATIONS_PENDING("meshwatch.notifications.pending", Type.GAUGE, "Notifications queued in the outbox, not yet delivered", List.of()),
  STORAGE_DAMAGED_RECORDS("meshwatch.storage.damaged.records", Type.COUNTER,
      "Records found damaged in the data dir at start and skipped, by log (journal, alerting_state, outbox)",
      List.of(Labels.LOG_LABEL)),
  STORAGE_DAMAGED_BYTES("meshwatch.storage.damaged.bytes", Type.COUNTER,
      "Bytes of damaged records and headers stepped over at start, by log", List.of(Labels.LOG_LABEL)),
  STORAGE_DAMAGED_FILES("meshwatch.storage.damaged.files", Type.COUNTER,
      "Files found damaged at start, by log and kind (segment: moved aside with an intact copy in its place; snapshot,"
          + " state_copy: moved aside, an older one used)", List.of(Labels.LOG_LABEL, Labels.KIND_LABEL)),
  HTTP_CONNECTIONS_OPEN("meshwatch.http.connections.open", Type.GAUGE,
      "HTTP connections open within server.maxConnections", List.of()),
  HTTP_CONNECTIONS_CLOSED("meshwatch.http.connections.closed", Type.COUNTER,
      "Connections the server closed on its own, by reason (header_timeout, body_timeout, idle_timeout, over_limit)",
      List.of("reason")),
  HTTP_INFLATED_BYTES("meshwatch.http.inflated.bytes", Type.COUNTER,
      "Bytes request bodies inflated to (gzip, deflate); a request refused before its body is never inflated", List.of());

  /** Label names, spelled once. */
  public static final class Labels {
    private Labels() {}

    public static final String PRODUCT_LABEL = "product";
    public static final String DOMAIN_LABEL = "domain";
    public static final String SLO_LABEL = "slo";
    public static final String WINDOW_LABEL = "window";
    public static final String SEVERITY_LABEL = "severity";
    public static final String CONDITION_LABEL = "condition";
    public static final String BOUND_LABEL = "bound";
    public static final String CHECK_LABEL = "check";
    public static final String CONSUMER_LABEL = "consumer";
    public static final String OUTCOME_LABEL = "outcome";
    public static final String STATUS_LABEL = "status";
    /** The name of the label a count is about, e.g. {@code check}. */
    public static final String LABEL_LABEL = "label";
    public static final String LOG_LABEL = "log";
    public static final String KIND_LABEL = "kind";

    static final List<String> PRODUCT = List.of(PRODUCT_LABEL, DOMAIN_LABEL);
    static final List<String> SLO = List.of(PRODUCT_LABEL, DOMAIN_LABEL, SLO_LABEL);
    static final List<String> SLO_WINDOW = List.of(PRODUCT_LABEL, DOMAIN_LABEL, SLO_LABEL, WINDOW_LABEL);
    static final List<String> SLO_BOUND = List.of(PRODUCT_LABEL, DOMAIN_LABEL, SLO_LABEL, BOUND_LABEL);
    static final List<String> PRODUCT_CHECK = List.of(PRODUCT_LABEL, DOMAIN_LABEL, CHECK_LABEL, OUTCOME_LABEL);
    static final List<String> PRODUCT_CONSUMER = List.of(PRODUCT_LABEL, DOMAIN_LABEL, CONSUMER_LABEL, OUTCOME_LABEL);
    static final List<String> PRODUCT_STATUS = List.of(PRODUCT_LABEL, DOMAIN_LABEL, STATUS_LABEL);
    static final List<String> PRODUCT_LABEL_NAME = List.of(PRODUCT_LABEL, DOMAIN_LABEL, LABEL_LABEL);
    static final List<String> SLO_CONDITION = List.of(PRODUCT_LABEL, DOMAIN_LABEL, SLO_LABEL, SEVERITY_LABEL, CONDITION_LABEL);
  }

  /** How Prometheus sees the metric. */
  public enum Type {
    GAUGE,
    COUNTER,
    /** A Micrometer timer: {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}. */
    TIMER
  }

  private final String canonicalName;
  private final Type type;
  private final String help;
  private final List<String> labels;

  CollectorMetric(String canonicalName, Type type, String help, List<String> labels) {
    this.canonicalName = canonicalName;
    this.type = type;
    this.help = help;
    this.labels = labels;
  }

  /** The dotted name meters are registered under, e.g. {@code meshwatch.slo.burn.rate}. */
  public String canonicalName() {
    return canonicalName;
  }

  /**
   * The name on {@code /metrics}, as Micrometer's Prometheus naming convention derives it: dots become
   * underscores, counters gain {@code _total} and timers {@code _seconds}, e.g.
   * {@code meshwatch_ingest_rejected_total}.
   */
  public String prometheusName() {
    String base = canonicalName.replace('.', '_');
    return switch (type) {
      case COUNTER -> base + "_total";
      case TIMER -> base + "_seconds";
      case GAUGE -> base;
    };
  }

  public Type type() {
    return type;
  }

  public String help() {
    return help;
  }

  /** The label names of every series of this metric. */
  public List<String> labels() {
    return labels;
  }
}
