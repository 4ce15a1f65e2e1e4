package io.meshwatch.collector.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values one label of one product may take on {@code /metrics}: the first {@code limit} distinct
 * values of at most {@value #MAX_VALUE_CHARS} characters as they are, every later one and every
 * longer one folded into {@link #OTHER}. A pipeline that puts a run id into a check or consumer
 * name would otherwise grow the scrape (and Prometheus) without bound, and one that puts a document
 * into it would make every scrape carry it. Logs the first fold of each kind only, so a noisy
 * reporter cannot flood the log either.
 */
final class BoundedLabelValues {

  /** The value that stands for every value past the limit. */
  static final String OTHER = "_other";
  /** The longest value shown as it is: a name, never a payload. */
  static final int MAX_VALUE_CHARS = 128;

  private static final Logger LOG = LoggerFactory.getLogger(BoundedLabelValues.class);

  private final String what;
  private final int limit;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean foldedMany = new AtomicBoolean();
  private final AtomicBoolean foldedLong = new AtomicBoolean();
  private final LongAdder folds = new LongAdder();

  /** {@code what} names the label and product in the log line, e.g. {@code check of sales.orders}. */
  BoundedLabelValues(String what, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("label value limit must be at least 1, got " + limit);
    }
    this.what = what;
    this.limit = limit;
  }

  /** {@code value} if it is known or there is room for it, and it is short enough; else {@link #OTHER}. */
  String admit(String value) {
    if (value.length() > MAX_VALUE_CHARS) {
      folds.increment();
      if (foldedLong.compareAndSet(false, true)) {
        LOG.warn("a value of the {} is {} characters long, more than {}: '{}…' and any further long ones are"
            + " published as '{}'", what, value.length(), MAX_VALUE_CHARS, value.substring(0, 64), OTHER);
      }
      return OTHER;
    }
    if (known.contains(value)) {
      return value;
    }
    synchronized (this) {
      if (known.contains(value) || known.size() < limit && known.add(value)) {
        return value;
      }
    }
    folds.increment();
    if (foldedMany.compareAndSet(false, true)) {
      LOG.warn("more than {} distinct values of the {}: '{}' and any further new ones are published as '{}'",
          limit, what, value, OTHER);
    }
    return OTHER;
  }

  /** How many times a value was folded into {@link #OTHER}. */
  long folds() {
    return folds.sum();
  }
}
