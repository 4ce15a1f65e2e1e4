package io.meshwatch.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One pipeline run, from {@link MeshAgent#startRun()} to its outcome. The outcome is reported as
 * the counter {@link io.meshwatch.model.SignalContract#RUNS} and the histogram
 * {@link io.meshwatch.model.SignalContract#RUN_DURATION} (seconds, from the agent's clock), both by
 * status. The first outcome wins; later calls are ignored. Closing a run that has no outcome yet
 * reports it as failed, so an exception escaping a try-with-resources block counts as a failed run.
 *
 * <pre>{@code
 * try (RunHandle run = agent.startRun()) {
 *   writeBatch();
 *   run.succeeded();
 * }
 * }</pre>
 */
public final class RunHandle implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RunHandle.class.getName());

  private final Instruments instruments;
  private final InstantSource clock;
  private final Drops drops;
  private final @Nullable Instant start;
  private final AtomicBoolean ended = new AtomicBoolean();

  RunHandle(Instruments instruments, InstantSource clock, Drops drops) {
    this.instruments = instruments;
    this.clock = clock;
    this.drops = drops;
    this.start = readClock();
  }

  /** The run succeeded. Ignored when the run already has an outcome. */
  public void succeeded() {
    if (ended.compareAndSet(false, true)) {
      end(Instruments.RUN_SUCCEEDED_ATTRIBUTES);
    }
  }

  /** The run failed, because of {@code cause} when known. Ignored when the run already has an outcome. */
  public void failed(@Nullable Throwable cause) {
    if (ended.compareAndSet(false, true)) {
      LOG.log(Level.FINE, "pipeline run failed", cause);
      end(Instruments.RUN_FAILED_ATTRIBUTES);
    }
  }

  /** Reports the run as failed ("run not completed") unless it already has an outcome. */
  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      LOG.log(Level.INFO, "pipeline run closed without an outcome (run not completed); reported as failed");
      end(Instruments.RUN_FAILED_ATTRIBUTES);
    }
  }

  /** Whether the run has an outcome. */
  public boolean isEnded() {
    return ended.get();
  }

  private void end(io.opentelemetry.api.common.Attributes status) {
    try {
      Instant end = readClock();
      double seconds = 0;
      if (start != null && end != null) {
        Duration elapsed = Duration.between(start, end);
        // A clock that stepped back must not produce a negative duration.
        seconds = elapsed.isNegative() ? 0 : elapsed.getSeconds() + elapsed.getNano() / 1e9;
      }
      instruments.runs.add(1, status);
      instruments.runDuration.record(seconds, status);
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  private @Nullable Instant readClock() {
    try {
      return clock.instant();
    } catch (RuntimeException e) {
      drops.unexpected(e);
      return null;
    }
  }
}
