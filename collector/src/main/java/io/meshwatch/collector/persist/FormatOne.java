package io.meshwatch.collector.persist;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.collector.journal.LegacyJournal;
import io.meshwatch.durable.Damage;
import java.io.DataInput;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the journal and snapshots of data dir format 1 onto the {@code durable} journal: the
 * state is restored from them (newest valid snapshot, then every entry after it, through the same
 * code as live ingest), written as the new journal's first snapshot, and only then are the old files
 * moved to {@code format-1/}. A crash before that snapshot redoes the migration; after it, only the
 * move is left to do.
 */
final class FormatOne {
  private static final Logger LOG = LoggerFactory.getLogger(FormatOne.class);
  static final String BACKUP_DIR = "format-1";

  /** Whether the state was read here (then the journal's snapshot must not be read again), and the damage met. */
  record Migrated(boolean stateRead, boolean resumed, Damage damage) {
    static final Migrated NOTHING = new Migrated(false, false, Damage.NONE);
  }

  private FormatOne() {}

  static Migrated migrate(Path dataDir, Journal journal, RecoverableState state) throws IOException {
    Path journalDir = dataDir.resolve(DurableSignals.JOURNAL_DIR);
    if (!LegacyJournal.present(dataDir)) {
      LegacyJournal.guard(journalDir);
      return Migrated.NOTHING;
    }
    Path backup = dataDir.resolve(BACKUP_DIR);
    if (journal.latestSnapshot().isPresent()) {
      LegacyJournal.moveAside(dataDir, backup);
      return Migrated.NOTHING;
    }
    long[] entries = new long[1];
    boolean[] snapshot = new boolean[1];
    Damage damage = LegacyJournal.read(dataDir, new LegacyJournal.Target() {
      @Override
      public void snapshot(DataInput payload) throws IOException {
        state.read(payload);
        snapshot[0] = true;
      }

      @Override
      public void entry(JournalEntry entry) {
        state.apply(entry.signal(), entry.receivedAt());
        entries[0]++;
      }
    });
    journal.snapshot(journal.lastSequence(), state::write);
    LegacyJournal.moveAside(dataDir, backup);
    LOG.warn("migrated the format-1 journal ({} snapshot and {} entries after it{}) to format 2; the old files are in"
        + " {}, which can be deleted", snapshot[0] ? "a" : "no", entries[0],
        damage.isNone() ? "" : ", stepping over damage: " + damage, backup);
    return new Migrated(true, snapshot[0] || entries[0] > 0, damage);
  }
}
