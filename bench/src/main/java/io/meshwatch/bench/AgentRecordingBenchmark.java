package io.meshwatch.bench;

import io.meshwatch.agent.MeshAgent;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.net.URI;
import java.time.Duration;
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
 * The agent's recording calls against the raw OpenTelemetry SDK doing the same instrument work
 * ({@link RawSdkPeer}) with the same pre-built attributes. Each {@code agentX} method has a
 * {@code rawX} peer; run both in one JMH invocation and compare their ns/op and, with
 * {@code -prof gc}, their B/op. With {@code -t 2} both threads record into the same series, as the
 * threads of one pipeline do.
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
  private static final long ROWS = 12_345;

  private MeshAgent agent;
  private RawSdkPeer raw;
  private Attributes checkPassed;
  private Attributes checkOnly;
  private Attributes readSucceeded;
  private Attributes consumerOnly;

  @Setup(Level.Trial)
  public void setUp() {
    agent = MeshAgent.builder()
        .product("bench.orders")
        .endpoint(URI.create("http://127.0.0.1:9"))
        .metricReader(RawSdkPeer.cumulativeReader())
        .build();
    raw = new RawSdkPeer();
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
    long dropped = agent.droppedRecordings();
    agent.close();
    raw.close();
    // A dropped recording means the agent side measured its rejection path, not recording.
    if (dropped != 0) {
      throw new IllegalStateException("the agent dropped " + dropped + " recordings; the benchmark is invalid");
    }
  }

  @Benchmark
  public void agentQualityCheck() {
    agent.quality().check(CHECK, true, 1_000, 0);
  }

  @Benchmark
  public void rawQualityCheck() {
    raw.qualityChecks.add(1, checkPassed);
    raw.qualityRowsChecked.add(1_000, checkOnly);
    raw.qualityRowsFailed.add(0, checkOnly);
  }

  /**
   * The SDK calls the agent itself makes for a check with no failed rows: it skips adding zero. Set
   * against {@link #agentQualityCheck} this isolates the agent's own overhead; set against
   * {@link #rawQualityCheck} it shows what skipping the no-op add is worth.
   */
  @Benchmark
  public void rawQualityCheckSkippingZero() {
    raw.qualityChecks.add(1, checkPassed);
    raw.qualityRowsChecked.add(1_000, checkOnly);
  }

  @Benchmark
  public void agentVolume() {
    agent.volume().rowsWritten(ROWS);
  }

  @Benchmark
  public void rawVolume() {
    raw.volumeRows.record(ROWS);
  }

  @Benchmark
  public void agentUsageRead() {
    agent.usage().read(CONSUMER, true, LATENCY);
  }

  @Benchmark
  public void rawUsageRead() {
    raw.usageReads.add(1, readSucceeded);
    // The same Duration-to-seconds conversion the agent does, so only the agent's own work differs.
    raw.usageReadDuration.record(LATENCY.getSeconds() + LATENCY.getNano() / 1e9, consumerOnly);
  }
}
