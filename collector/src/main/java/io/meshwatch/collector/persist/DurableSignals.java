package io.meshwatch.collector.persist;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.durable.Snapshot;
import io.meshwatch.model.Signal;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable front of the SLO engine. {@link #accept} stamps a request's signals with the clock,
 * appends them to the journal and applies them, under one lock so that the journal's order is the
 * order they were applied in; once it returns the signals survive a {@code kill -9}. {@link #snapshot}
 * writes the state as of a journal record (keeping the previous snapshot and the journal since it).
 * {@link #open} restores: the newest good snapshot, then every valid record after it, stepping over
 * damage, which {@link #damage()} counts.
 *
 * <pre>{@code
 * DurableSignals signals = DurableSignals.open(dataDir, LogOptions.DEFAULTS, state, clock);
 * signals.accept(decoded);   // ingest threads; acknowledge after it returns
 * signals.snapshot();        // now and then
 * }</pre>
 */
public final class DurableSignals implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DurableSignals.class);
  static final String JOURNAL_DIR = "journal";

  private final Journal journal;
  private final RecoverableState state;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Recovery recovery;
  private long applied;
  private volatile @Nullable String appendFailure;

  private DurableSignals(Journal journal, RecoverableState state, InstantSource clock, Recovery recovery) {
    this.journal = journal;
    this.state = state;
    this.clock = clock;
    this.recovery = recovery;
    this.applied = recovery.journalSequence();
  }

  /**
   * Opens the journal under {@code dataDir} and restores {@code state} from it, migrating a data dir
   * of format 1 first. Damage is stepped over and counted, never thrown.
   *
   * @throws IOException if the files cannot be read or written at all
   */
  public static DurableSignals open(Path dataDir, LogOptions options, RecoverableState state, InstantSource clock)
      throws IOException {
    long started = System.nanoTime();
    Journal journal = Journal.open(dataDir.resolve(JOURNAL_DIR), options);
    try {
      FormatOne.Migrated migrated = FormatOne.migrate(dataDir, journal, state);
      boolean fromSnapshot = migrated.resumed();
      long fromSequence = 0;
      if (!migrated.stateRead()) {
        Optional<Snapshot> latest = journal.latestSnapshot();
        if (latest.isPresent()) {
          try (Snapshot snapshot = latest.get()) {
            state.read(snapshot.data());
            fromSequence = snapshot.sequence();
            fromSnapshot = true;
          }
        }
      }
      long[] counts = new long[2];
      long last = journal.replay(fromSequence, entry -> {
        try {
          state.apply(entry.signal(), entry.receivedAt());
          counts[0]++;
        } catch (RuntimeException e) {
          if (counts[1]++ == 0) {
            LOG.error("a journaled signal of {} could not be applied; skipped (further ones are only counted)",
                entry.signal().product(), e);
          }
        }
      });
      Recovery recovery = new Recovery(fromSnapshot, fromSequence, counts[0], last,
          (System.nanoTime() - started) / 1_000_000, journal.damage().plus(migrated.damage()), counts[1]);
      LOG.info("restored {}", recovery);
      return new DurableSignals(journal, state, clock, recovery);
    } catch (IOException | RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** Runs {@code action} between two requests' signals: every signal stamped before it has been applied. */
  public void betweenRequests(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code change} (e.g. registering a product) between two requests' signals and snapshots the
   * state right after, so a restart's replay applies every journaled signal to the products as they
   * were when it was received.
   */
  public synchronized void changeAndSnapshot(Runnable change) throws IOException {
    lock.lock();
    try {
      change.run();
      snapshot();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Journals and applies one request's signals, stamped with the clock's instant.
   *
   * @throws IOException if the journal could not take them; nothing was applied then
   */
  public void accept(List<Signal> signals) throws IOException {
    if (signals.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      Instant receivedAt = clock.instant();
      List<JournalEntry> entries = new ArrayList<>(signals.size());
      for (Signal signal : signals) {
        entries.add(new JournalEntry(signal, receivedAt));
      }
      long sequence;
      try {
        sequence = journal.append(entries);
        appendFailure = null;
      } catch (IOException | RuntimeException e) {
        appendFailure = e.toString();
        throw e;
      }
      for (Signal signal : signals) {
        state.apply(signal, receivedAt);
      }
      applied = sequence;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the state as of the last applied signal to a snapshot and drops what the previous
   * snapshot made unnecessary. Ingest waits only while the state is copied into memory.
   *
   * @return the journal sequence the snapshot covers
   */
  public synchronized long snapshot() throws IOException {
    StateCopy copy = new StateCopy();
    long sequence;
    lock.lock();
    try {
      state.write(new DataOutputStream(copy));
      sequence = applied;
    } finally {
      lock.unlock();
    }
    journal.snapshot(sequence, copy::writeTo);
    return sequence;
  }

  /** The state as written into memory under the lock, handed to the snapshot file without another copy. */
  private static final class StateCopy extends ByteArrayOutputStream {
    StateCopy() {
      super(1 << 16);
    }

    void writeTo(DataOutput out) throws IOException {
      out.write(buf, 0, count);
    }
  }

  /** What {@link #open} found and did. */
  public Recovery recovery() {
    return recovery;
  }

  /** Why the last append failed, or null when it succeeded (or none was made yet). */
  public @Nullable String appendFailure() {
    return appendFailure;
  }

  /** The damage found in the journal and snapshots since it opened (migration included). */
  public Damage damage() {
    return recovery.damage();
  }

  /** Closes the journal without a last snapshot, as a {@code kill -9} leaves it; for tests. */
  void abandon() throws IOException {
    journal.close();
  }

  /** Takes a last snapshot (so the next start replays nothing) and closes the journal. */
  @Override
  public void close() throws IOException {
    try {
      snapshot();
    } finally {
      journal.close();
    }
  }

  /**
   * How a start restored state: from a snapshot or not, the journal records replayed after it, how
   * long it took, the damage stepped over, and signals that could not be applied.
   */
  public record Recovery(boolean fromSnapshot, long snapshotSequence, long replayed, long journalSequence, long millis,
      Damage damage, long unapplied) {

    /** Whether an earlier run's state was resumed (a snapshot, or journaled signals). */
    public boolean resumed() {
      return fromSnapshot || replayed > 0;
    }

    @Override
    public String toString() {
      return (fromSnapshot ? "snapshot at journal record " + snapshotSequence : "no snapshot")
          + " and " + replayed + " journaled signals in " + millis + " ms"
          + (damage.isNone() ? "" : "; damage stepped over: " + damage)
          + (unapplied == 0 ? "" : "; " + unapplied + " journaled signals could not be applied");
    }
  }
}
