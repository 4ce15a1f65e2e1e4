package io.meshwatch.bench;

import io.meshwatch.agent.MeshAgent;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent's recording calls against the raw OpenTelemetry SDK doing the same instrument work with
 * the same pre-built attributes (cumulative temporality, an in-memory reader in both, so neither
 * measures the network). Each {@code agent*} method has a {@code raw*} peer; compare their ns/op and,
 * with {@code -prof gc}, their B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AgentRecordingBenchmark {

  private static final String CHECK = "not_null_id";
  private static final String CONSUMER = "bi-dashboards";
  private static final Duration LATENCY = Duration.ofMillis(42);

  private MeshAgent agent;
  private SdkMeterProvider rawProvider;
  private LongCounter checks;
  private LongCounter rowsChecked;
  private LongCounter rowsFailed;
  private DoubleHistogram volume;
  private LongCounter reads;
  private DoubleHistogram readDuration;
  private Attributes checkPassed;
  private Attributes checkOnly;
  private Attributes readSucceeded;
  private Attributes consumerOnly;

  @Setup(Level.Trial)
  public void setUp() {
    agent = MeshAgent.builder()
        .product("bench.orders")
        .endpoint(URI.create("http://127.0.0.1:9"))
        .metricReader(InMemoryMetricReader.create())
        .build();

    rawProvider = SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build();
    Meter meter = rawProvider.get("raw-peer");
    checks = meter.counterBuilder(SignalContract.QUALITY_CHECKS).build();
    rowsChecked = meter.counterBuilder(SignalContract.QUALITY_ROWS_CHECKED).build();
    rowsFailed = meter.counterBuilder(SignalContract.QUALITY_ROWS_FAILED).build();
    volume = meter.histogramBuilder(SignalContract.VOLUME_ROWS).setExplicitBucketBoundariesAdvice(List.of()).build();
    reads = meter.counterBuilder(SignalContract.USAGE_READS).build();
    readDuration = meter.histogramBuilder(SignalContract.USAGE_READ_DURATION).build();
    AttributeKey<String> check = AttributeKey.stringKey(SignalContract.ATTR_CHECK);
    AttributeKey<String> outcome = AttributeKey.stringKey(SignalContract.ATTR_OUTCOME);
    AttributeKey<String> consumer = AttributeKey.stringKey(SignalContract.ATTR_CONSUMER);
    checkPassed = Attributes.of(check, CHECK, outcome, SignalContract.OUTCOME_PASS);
    checkOnly = Attributes.of(check, CHECK);
    readSucceeded = Attributes.of(consumer, CONSUMER, outcome, SignalContract.OUTCOME_SUCCESS);
    consumerOnly = Attributes.of(consumer, CONSUMER);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    agent.close();
    rawProvider.close();
  }

  @Benchmark
  public void agentQualityCheck() {
    agent.quality().check(CHECK, true, 1_000, 0);
  }

  @Benchmark
  public void rawQualityCheck() {
    checks.add(1, checkPassed);
    rowsChecked.add(1_000, checkOnly);
    rowsFailed.add(0, checkOnly);
  }

  @Benchmark
  public void agentVolume() {
    agent.volume().rowsWritten(12_345);
  }

  @Benchmark
  public void rawVolume() {
    volume.record(12_345, Attributes.empty());
  }

  @Benchmark
  public void agentUsageRead() {
    agent.usage().read(CONSUMER, true, LATENCY);
  }

  @Benchmark
  public void rawUsageRead() {
    reads.add(1, readSucceeded);
    readDuration.record(LATENCY.toNanos() / 1e9, consumerOnly);
  }
}
