package io.meshwatch.collector.journal;

import io.meshwatch.model.Signal;
import java.time.Instant;

/**
 * One journaled signal with the engine clock's time when the collector received it, so replay feeds
 * the engine the same time live ingest did.
 */
public record JournalEntry(Signal signal, Instant receivedAt) {
  public JournalEntry {
    if (signal == null) {
      throw new IllegalArgumentException("journal entry needs a signal");
    }
    if (receivedAt == null) {
      throw new IllegalArgumentException("journal entry for " + signal.product() + " needs a receivedAt");
    }
  }
}
