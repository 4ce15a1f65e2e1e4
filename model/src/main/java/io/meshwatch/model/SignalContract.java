package io.meshwatch.model;

/**
 * The one definition of what agents send over OTLP: resource attributes, instrument names, units
 * and point attributes. The agent records with these names and the collector decodes by them; any
 * OpenTelemetry SDK that uses them reports as well as our agent does. Documented in
 * {@code docs/CONTRACT.md}.
 *
 * <pre>{@code
 * Resource.create(Attributes.of(
 *     AttributeKey.stringKey(SignalContract.RESOURCE_PRODUCT), "sales.orders",
 *     AttributeKey.stringKey(SignalContract.RESOURCE_DOMAIN), "sales"));
 * }</pre>
 */
public final class SignalContract {

  private SignalContract() {}

  /** Resource attribute: the product id, {@code domain.name}. Required. */
  public static final String RESOURCE_PRODUCT = "meshwatch.product";
  /** Resource attribute: the product's domain. Optional; must match the id's domain when present. */
  public static final String RESOURCE_DOMAIN = "meshwatch.domain";
  /** Resource attribute: the pipeline reporting, as OpenTelemetry semantic conventions name it. */
  public static final String RESOURCE_SERVICE_NAME = "service.name";

  /** Gauge, unit {@code s}: epoch seconds of the newest event time the product's data covers. */
  public static final String FRESHNESS_DATA_TIME = "meshwatch.freshness.data_time";
  /** Counter, unit {@code {check}}: quality check outcomes, by {@link #ATTR_CHECK} and {@link #ATTR_OUTCOME}. */
  public static final String QUALITY_CHECKS = "meshwatch.quality.checks";
  /** Counter, unit {@code {row}}: rows a quality check looked at, by {@link #ATTR_CHECK}. */
  public static final String QUALITY_ROWS_CHECKED = "meshwatch.quality.rows_checked";
  /** Counter, unit {@code {row}}: rows a quality check found bad, by {@link #ATTR_CHECK}. */
  public static final String QUALITY_ROWS_FAILED = "meshwatch.quality.rows_failed";
  /** Histogram, unit {@code {row}}: one measurement per run, the rows that run wrote. */
  public static final String VOLUME_ROWS = "meshwatch.volume.rows";
  /** Counter, unit {@code {read}}: consumer reads, by {@link #ATTR_CONSUMER} and {@link #ATTR_OUTCOME}. */
  public static final String USAGE_READS = "meshwatch.usage.reads";
  /** Histogram, unit {@code s}: read latency as the consumer saw it, by {@link #ATTR_CONSUMER}. */
  public static final String USAGE_READ_DURATION = "meshwatch.usage.read.duration";
  /** Counter, unit {@code {run}}: pipeline runs that ended, by {@link #ATTR_RUN_STATUS}. */
  public static final String RUNS = "meshwatch.runs";
  /** Histogram, unit {@code s}: pipeline run duration, by {@link #ATTR_RUN_STATUS}. */
  public static final String RUN_DURATION = "meshwatch.run.duration";
  /** Gauge, unit {@code 1}: always 1; present in every export so a quiet pipeline still shows its agent is alive. */
  public static final String AGENT_HEARTBEAT = "meshwatch.agent.heartbeat";

  /** Point attribute: the name of a quality check. */
  public static final String ATTR_CHECK = "meshwatch.check";
  /** Point attribute: {@link #OUTCOME_PASS}/{@link #OUTCOME_FAIL} for checks, {@link #OUTCOME_SUCCESS}/{@link #OUTCOME_FAILURE} for reads. */
  public static final String ATTR_OUTCOME = "meshwatch.outcome";
  /** Point attribute: who read the product. */
  public static final String ATTR_CONSUMER = "meshwatch.consumer";
  /** Point attribute: {@link #RUN_SUCCEEDED} or {@link #RUN_FAILED}. */
  public static final String ATTR_RUN_STATUS = "meshwatch.run.status";

  public static final String OUTCOME_PASS = "pass";
  public static final String OUTCOME_FAIL = "fail";
  public static final String OUTCOME_SUCCESS = "success";
  public static final String OUTCOME_FAILURE = "failure";
  public static final String RUN_SUCCEEDED = "succeeded";
  public static final String RUN_FAILED = "failed";

  public static final String UNIT_SECONDS = "s";
  public static final String UNIT_CHECKS = "{check}";
  public static final String UNIT_ROWS = "{row}";
  public static final String UNIT_READS = "{read}";
  public static final String UNIT_RUNS = "{run}";
  public static final String UNIT_ONE = "1";
}
