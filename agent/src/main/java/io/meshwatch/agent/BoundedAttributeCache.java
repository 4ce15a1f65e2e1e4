package io.meshwatch.agent;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Pre-built attribute sets per check name or consumer, so steady-state recording allocates nothing.
 * Bounded: names past {@link #MAX_KEYS} are dropped, which keeps a pipeline that puts ids or
 * timestamps into check names from exploding the collector's label sets. The reporters keep their
 * last entry themselves and come here only when the name changes.
 */
final class BoundedAttributeCache {

  static final int MAX_KEYS = 1000;
  static final int MAX_KEY_LENGTH = 255;

  /** The attributes for one name: alone, and with the good and the bad outcome. */
  record Entry(String name, Attributes plain, Attributes good, Attributes bad) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger admitted = new AtomicInteger();
  private final AttributeKey<String> key;
  private final String goodOutcome;
  private final String badOutcome;
  private final Drops drops;

  BoundedAttributeCache(AttributeKey<String> key, String goodOutcome, String badOutcome, Drops drops) {
    this.key = key;
    this.goodOutcome = goodOutcome;
    this.badOutcome = badOutcome;
    this.drops = drops;
  }

  /** The entry for {@code name}, or null (dropped and counted) when the name is unusable. */
  @Nullable Entry get(@Nullable String name) {
    if (name == null) {
      drops.drop(Drops.Reason.BLANK_NAME, null);
      return null;
    }
    Entry entry = entries.get(name);
    return entry != null ? entry : admit(name);
  }

  private @Nullable Entry admit(String name) {
    if (name.isBlank()) {
      drops.drop(Drops.Reason.BLANK_NAME, "'" + name + "'");
      return null;
    }
    if (name.length() > MAX_KEY_LENGTH) {
      drops.drop(Drops.Reason.NAME_TOO_LONG, name.substring(0, 40) + "...");
      return null;
    }
    Entry entry = entries.computeIfAbsent(name, this::create);
    if (entry == null) {
      drops.drop(Drops.Reason.TOO_MANY_NAMES, name);
    }
    return entry;
  }

  private @Nullable Entry create(String name) {
    if (admitted.incrementAndGet() > MAX_KEYS) {
      admitted.decrementAndGet();
      return null;
    }
    AttributeKey<String> outcome = AttributeKey.stringKey(io.meshwatch.model.SignalContract.ATTR_OUTCOME);
    return new Entry(
        name,
        Attributes.of(key, name),
        Attributes.of(key, name, outcome, goodOutcome),
        Attributes.of(key, name, outcome, badOutcome));
  }

  int size() {
    return entries.size();
  }
}
