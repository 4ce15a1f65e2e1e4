package io.meshwatch.agent;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Counts recordings the agent refused and warns about them, at most once a minute per reason, so a
 * pipeline that calls the agent wrongly in a tight loop cannot flood its own log.
 */
final class Drops {

  /** Why a recording was dropped. */
  enum Reason {
    BLANK_NAME("a check or consumer name was null or blank"),
    NAME_TOO_LONG("a check or consumer name was longer than " + BoundedAttributeCache.MAX_KEY_LENGTH + " characters"),
    TOO_MANY_NAMES("more than " + BoundedAttributeCache.MAX_KEYS + " distinct check or consumer names"),
    NEGATIVE_COUNT("a row count was negative"),
    ROWS_FAILED_ABOVE_CHECKED("rowsFailed was greater than rowsChecked"),
    MISSING_VALUE("a required time, duration or profile was null"),
    NEGATIVE_DURATION("a latency was negative"),
    UNEXPECTED_FAILURE("recording threw unexpectedly (OpenTelemetry SDK, clock or profile evaluation)");

    private final String description;

    Reason(String description) {
      this.description = description;
    }
  }

  static final long LOG_INTERVAL_MILLIS = 60_000;
  private static final long NEVER = Long.MIN_VALUE;
  private static final Logger LOG = Logger.getLogger(MeshAgent.class.getName());

  private final InstantSource clock;
  private final LongAdder total = new LongAdder();
  private final AtomicLongArray byReason = new AtomicLongArray(Reason.values().length);
  private final AtomicLongArray lastLogged = new AtomicLongArray(Reason.values().length);

  Drops(InstantSource clock) {
    this.clock = clock;
    for (int i = 0; i < lastLogged.length(); i++) {
      lastLogged.set(i, NEVER);
    }
  }

  /** Counts a dropped recording; {@code value} is only turned into text when a warning is due. */
  void drop(Reason reason, @Nullable Object value) {
    total.increment();
    int i = reason.ordinal();
    long count = byReason.incrementAndGet(i);
    try {
      long now = clock.millis();
      long last = lastLogged.get(i);
      if ((last == NEVER || now - last >= LOG_INTERVAL_MILLIS) && lastLogged.compareAndSet(i, last, now)) {
        LOG.log(Level.WARNING, "meshwatch agent dropped a recording: {0} (value: {1}); {2} dropped for this reason so far",
            new Object[] {reason.description, String.valueOf(value), count});
      }
    } catch (RuntimeException e) {
      // A failing clock or log handler must not turn a dropped recording into a thrown one.
    }
  }

  void unexpected(RuntimeException e) {
    drop(Reason.UNEXPECTED_FAILURE, e);
  }

  long total() {
    return total.sum();
  }

  long count(Reason reason) {
    return byReason.get(reason.ordinal());
  }
}
