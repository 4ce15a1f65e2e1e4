package io.meshwatch.durable;

import java.time.Duration;

/**
 * When a {@link DurableLog} asks the OS to put written bytes on the disk ({@code fdatasync}). Every
 * policy survives a {@code kill -9} of the JVM, because an append returns only after its bytes are
 * in the OS; they differ in what a power loss or kernel crash may take:
 *
 * <ul>
 *   <li>{@link #NONE} (default): the OS writes back when it likes (Linux: within ~30 s); a power loss
 *       may lose the last seconds of acknowledged appends. Fastest.
 *   <li>{@link #ALWAYS}: an append returns only after its bytes are on the disk; concurrent appenders
 *       share one flush (group commit). Costs a disk flush per request on a quiet collector.
 *   <li>{@link #interval(Duration)}: a background flush every {@code every}; a power loss may lose at
 *       most about that much of acknowledged appends.
 * </ul>
 */
public sealed interface FsyncPolicy {

  /** Never flush explicitly: survives {@code kill -9}, not a power loss. */
  FsyncPolicy NONE = new None();

  /** Flush before acknowledging each append. */
  FsyncPolicy ALWAYS = new Always();

  /** Flush in the background every {@code every}. */
  static FsyncPolicy interval(Duration every) {
    return new Interval(every);
  }

  /** See {@link #NONE}. */
  record None() implements FsyncPolicy {}

  /** See {@link #ALWAYS}. */
  record Always() implements FsyncPolicy {}

  /** See {@link #interval(Duration)}. */
  record Interval(Duration every) implements FsyncPolicy {
    public Interval {
      if (every == null || every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("fsync interval must be positive, got " + every);
      }
    }
  }
}
