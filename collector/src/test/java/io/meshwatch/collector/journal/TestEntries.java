package io.meshwatch.collector.journal;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic journal entries: entry {@code n} of {@code writer} is always the same value, and
 * names its writer as the product ({@code journal.<writer>}), so writers a-z0-9 only.
 */
final class TestEntries {
  private static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

  private TestEntries() {}

  static JournalEntry entry(String writer, long n) {
    ProductId product = new ProductId("journal", writer);
    Instant observed = EPOCH.plusSeconds(n).plusNanos(n % 1000);
    Signal signal =
        switch ((int) (n % 6)) {
          case 0 -> new Signal.FreshnessUpdate(product, observed, observed.minusSeconds(60));
          case 1 -> new Signal.QualityOutcome(product, observed, writer, n, n % 7, n * 3, n);
          case 2 -> new Signal.VolumeWritten(product, observed, n, n * 1.5);
          case 3 -> new Signal.UsageReads(product, observed, writer, n, 1, Duration.ofMillis(n));
          case 4 -> new Signal.RunsCompleted(product, observed, n, 0, Duration.ofSeconds(n));
          default -> new Signal.QualityOutcome(product, observed, writer, n, 0, 0, 0);
        };
    return new JournalEntry(signal, observed.plusMillis(250));
  }

  /** Entries {@code from} (inclusive) to {@code to} (exclusive) of {@code writer}. */
  static List<JournalEntry> range(String writer, long from, long to) {
    List<JournalEntry> entries = new ArrayList<>();
    for (long n = from; n < to; n++) {
      entries.add(entry(writer, n));
    }
    return entries;
  }
}
