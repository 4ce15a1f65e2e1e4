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
 * A diagnostic, not a claim: how much of the agent's extra time on {@code rowsWritten} comes from
 * the chain of dependent field loads between the caller's reference and the instrument. The agent
 * walks four ({@code agent.volume.instruments.volumeRows}), a hand-written caller usually two
 * ({@code holder.volumeRows}). Both methods record on the same raw SDK histogram; only the chain
 * differs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class IndirectionBenchmark {

  private static final long ROWS = 12_345;

  /** Stands for the agent: holds a reporter. */
  static final class Outer {
    final Middle volume;

    Outer(Middle volume) {
      this.volume = volume;
    }
  }

  /** Stands for the reporter: holds the instrument set. */
  static final class Middle {
    final RawSdkPeer instruments;

    Middle(RawSdkPeer instruments) {
      this.instruments = instruments;
    }
  }

  private RawSdkPeer raw;
  private Outer outer;

  @Setup(Level.Trial)
  public void setUp() {
    raw = new RawSdkPeer();
    outer = new Outer(new Middle(raw));
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
  public void fourHops() {
    LongHistogram histogram = outer.volume.instruments.volumeRows;
    histogram.record(ROWS);
  }
}
