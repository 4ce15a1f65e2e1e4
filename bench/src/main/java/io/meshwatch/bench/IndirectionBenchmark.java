package io.meshwatch.bench;

import io.opentelemetry.api.metrics.LongHistogram;
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
 * A diagnostic, not a claim: what each dependent field load between the caller's reference and the
 * instrument costs on a {@code rowsWritten}-sized call. A hand-written caller usually walks two
 * ({@code holder.volumeRows}); the agent walks three since its reporters hold their own instruments
 * ({@code agent.volume.volumeRows}), and walked four before that
 * ({@code agent.volume.instruments.volumeRows}). All three methods record on the same raw SDK
 * histogram; only the chain differs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class IndirectionBenchmark {

  private static final long ROWS = 12_345;

  // Two agent stand-ins rather than one generic class: an erased field would add a checkcast.

  /** Stands for the agent: holds a reporter. */
  static final class Agent {
    final Reporter volume;

    Agent(Reporter volume) {
      this.volume = volume;
    }
  }

  /** Stands for the agent before 2144223. */
  static final class OldAgent {
    final OldReporter volume;

    OldAgent(OldReporter volume) {
      this.volume = volume;
    }
  }

  /** Stands for today's reporter: holds its instrument itself. */
  static final class Reporter {
    final LongHistogram volumeRows;

    Reporter(LongHistogram volumeRows) {
      this.volumeRows = volumeRows;
    }
  }

  /** Stands for the reporter before 2144223: holds the agent's instrument set. */
  static final class OldReporter {
    final RawSdkPeer instruments;

    OldReporter(RawSdkPeer instruments) {
      this.instruments = instruments;
    }
  }

  private RawSdkPeer raw;
  private Agent agent;
  private OldAgent oldAgent;

  @Setup(Level.Trial)
  public void setUp() {
    raw = new RawSdkPeer();
    agent = new Agent(new Reporter(raw.volumeRows));
    oldAgent = new OldAgent(new OldReporter(raw));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    raw.close();
  }

  @Benchmark
  public void twoHops() {
    raw.volumeRows.record(ROWS);
  }

  @Benchmark
  public void threeHops() {
    agent.volume.volumeRows.record(ROWS);
  }

  @Benchmark
  public void fourHops() {
    oldAgent.volume.instruments.volumeRows.record(ROWS);
  }
}
