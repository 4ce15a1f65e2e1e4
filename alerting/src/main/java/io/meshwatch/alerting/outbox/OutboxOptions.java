package io.meshwatch.alerting.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How the {@link Outbox} retries and keeps its log.
 *
 * @param initialBackoff the longest wait before the second attempt; each failure doubles it
 * @param maxBackoff the longest wait between two attempts
 * @param maxAge after this long since it was enqueued, a notification that still fails is given up
 * @param deliveredRetention how long delivered (and given-up) ids are remembered to drop a re-enqueued one
 * @param fsync whether each log record is forced to the disk (else written to the OS, which survives
 *     a killed process but not a power loss)
 * @param threads delivery threads started by {@link Outbox#start()}
 * @param random draws the jitter; only used under the outbox's lock
 * @param compactionBytes once this much was appended since the last compaction, the records still
 *     live are snapshotted and the log before the previous snapshot dropped (segments are a quarter
 *     of it)
 */
public record OutboxOptions(Duration initialBackoff, Duration maxBackoff, Duration maxAge,
    Duration deliveredRetention, boolean fsync, int threads, RandomGenerator random, long compactionBytes) {

  public OutboxOptions {
    List<String> problems = new ArrayList<>();
    positive(problems, "initialBackoff", initialBackoff);
    positive(problems, "maxBackoff", maxBackoff);
    positive(problems, "maxAge", maxAge);
    positive(problems, "deliveredRetention", deliveredRetention);
    if (initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0) {
      problems.add("initialBackoff " + initialBackoff + " is longer than maxBackoff " + maxBackoff);
    }
    if (threads < 1) {
      problems.add("threads must be at least 1, got " + threads);
    }
    if (random == null) {
      problems.add("random is required");
    }
    if (compactionBytes < 1) {
      problems.add("compactionBytes must be positive, got " + compactionBytes);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid outbox options: " + String.join("; ", problems));
    }
  }

  /**
   * 1s to 5m backoff, 24h max age, 7d retention, fsync, 2 threads, compaction every 64 MiB appended: a
   * compaction holds up enqueueing (and so the dispatcher's flush) while it writes and forces the live
   * records, so it should be rare; the price is a longer replay at start.
   */
  public static OutboxOptions defaults() {
    return new OutboxOptions(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofDays(7),
        true, 2, new SplittableRandom(), 64L << 20);
  }

  public OutboxOptions withBackoff(Duration initial, Duration max) {
    return new OutboxOptions(initial, max, maxAge, deliveredRetention, fsync, threads, random, compactionBytes);
  }

  public OutboxOptions withMaxAge(Duration age) {
    return new OutboxOptions(initialBackoff, maxBackoff, age, deliveredRetention, fsync, threads, random, compactionBytes);
  }

  public OutboxOptions withDeliveredRetention(Duration retention) {
    return new OutboxOptions(initialBackoff, maxBackoff, maxAge, retention, fsync, threads, random, compactionBytes);
  }

  public OutboxOptions withFsync(boolean force) {
    return new OutboxOptions(initialBackoff, maxBackoff, maxAge, deliveredRetention, force, threads, random, compactionBytes);
  }

  public OutboxOptions withThreads(int count) {
    return new OutboxOptions(initialBackoff, maxBackoff, maxAge, deliveredRetention, fsync, count, random, compactionBytes);
  }

  public OutboxOptions withRandom(RandomGenerator generator) {
    return new OutboxOptions(initialBackoff, maxBackoff, maxAge, deliveredRetention, fsync, threads, generator, compactionBytes);
  }

  /** Jitter drawn from a {@link SplittableRandom} seeded with {@code seed}, for repeatable runs. */
  public OutboxOptions withSeed(long seed) {
    return withRandom(new SplittableRandom(seed));
  }

  public OutboxOptions withCompactionBytes(long bytes) {
    return new OutboxOptions(initialBackoff, maxBackoff, maxAge, deliveredRetention, fsync, threads, random, bytes);
  }

  private static void positive(List<String> problems, String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      problems.add(field + " must be positive, got " + value);
    }
  }
}
