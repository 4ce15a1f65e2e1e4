package io.meshwatch.collector.http;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many connections may be open at once, shared by every event loop, and how many beyond that may
 * stay open for a moment to be refused in words (503); the rest are closed as soon as they are
 * accepted. The limit is the configured one, lowered to what the process's file-descriptor limit
 * leaves after the descriptors open at start and {@link #RESERVED_DESCRIPTORS} more (journal segments,
 * snapshots, outgoing notifications), so that a flood of connections never takes the descriptors the
 * collector needs to store what it acknowledges.
 */
final class ConnectionBudget {

  static final int RESERVED_DESCRIPTORS = 128;
  static final int REFUSING = 128;

  /** What becomes of a new connection. */
  enum Admission { ADMITTED, REFUSED_IN_WORDS, CLOSED_AT_ONCE }

  /** The process's file descriptors: its limit and how many are open now. */
  record Descriptors(long limit, long open) {}

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refusing = new AtomicInteger();

  ConnectionBudget(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    this.max = max;
  }

  /** {@code configured}, or less when the {@code descriptors} left over are fewer (never under 1). */
  static int limit(int configured, Optional<Descriptors> descriptors) {
    if (descriptors.isEmpty()) {
      return configured;
    }
    long room = descriptors.get().limit() - descriptors.get().open() - RESERVED_DESCRIPTORS - REFUSING;
    return (int) Math.max(1, Math.min(configured, room));
  }

  /** This process's file descriptors, where the JVM tells them. */
  static Optional<Descriptors> descriptors() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? Optional.of(new Descriptors(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount()))
        : Optional.empty();
  }

  /** Takes a place for a new connection, or one of the few places to refuse it from. */
  Admission tryOpen() {
    if (take(open, max)) {
      return Admission.ADMITTED;
    }
    return take(refusing, REFUSING) ? Admission.REFUSED_IN_WORDS : Admission.CLOSED_AT_ONCE;
  }

  /** Gives back the place of a connection that closed, as it was admitted. */
  void closed(Admission admission) {
    switch (admission) {
      case ADMITTED -> open.decrementAndGet();
      case REFUSED_IN_WORDS -> refusing.decrementAndGet();
      case CLOSED_AT_ONCE -> { }
    }
  }

  private static boolean take(AtomicInteger count, int limit) {
    while (true) {
      int current = count.get();
      if (current >= limit) {
        return false;
      }
      if (count.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  int open() {
    return open.get();
  }

  int max() {
    return max;
  }
}
