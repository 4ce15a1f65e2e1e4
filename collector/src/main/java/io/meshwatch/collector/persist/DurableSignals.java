package io.meshwatch.collector.persist;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.collector.journal.JournalOptions;
import io.meshwatch.collector.journal.Snapshot;
import io.meshwatch.collector.journal.SnapshotFile;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable front of the SLO engine. {@link #accept} stamps a request's signals with the clock,
 * appends them to the journal and applies them, under one lock so that the journal's order is the
 * order they were applied in; once it returns the signals survive a {@code kill -9}. {@link #snapshot}
 * writes the state as of a journal position and drops the journal up to it. {@link #open} restores:
 * latest snapshot, then the journal after it.
 *
 * <pre>{@code
 * DurableSignals signals = DurableSignals.open(dataDir, JournalOptions.DEFAULTS, state, clock);
 * signals.accept(decoded);   // ingest threads; acknowledge after it returns
 * signals.snapshot();        // now and then
 * }</pre>
 */
public final class DurableSignals implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DurableSignals.class);

  private final Journal journal;
  private final Path snapshots;
  private final RecoverableState state;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Recovery recovery;
  private long applied;
  // The journal is kept from the snapshot before the newest on, so that snapshot can stand in for a
  // newest one that cannot be read.
  private long newestSnapshot;

  private DurableSignals(Journal journal, Path snapshots, RecoverableState state, InstantSource clock, Recovery recovery) {
    this.journal = journal;
    this.snapshots = snapshots;
    this.state = state;
    this.clock = clock;
    this.recovery = recovery;
    this.applied = recovery.journalSequence();
    this.newestSnapshot = recovery.snapshotSequence();
  }

  /**
   * Opens the journal and snapshots under {@code dataDir} and restores {@code state} from them.
   *
   * @throws IOException if they cannot be read; a damaged journal tail is cut, not thrown
   */
  public static DurableSignals open(Path dataDir, JournalOptions options, RecoverableState state, InstantSource clock)
      throws IOException {
    long started = System.nanoTime();
    Path snapshots = dataDir.resolve("snapshots");
    Journal journal = Journal.open(dataDir.resolve("journal"), options);
    try {
      long fromSequence = 0;
      Optional<Snapshot> latest = SnapshotFile.readLatest(snapshots);
      if (latest.isPresent()) {
        try (Snapshot snapshot = latest.get()) {
          state.read(snapshot.data());
          fromSequence = snapshot.journalSequence();
        }
      }
      long[] replayed = new long[1];
      long last = journal.replay(fromSequence, entry -> {
        state.apply(entry.signal(), entry.receivedAt());
        replayed[0]++;
      });
      Recovery recovery = new Recovery(latest.isPresent(), fromSequence, replayed[0], Math.max(last, fromSequence),
          (System.nanoTime() - started) / 1_000_000);
      LOG.info("restored {}", recovery);
      return new DurableSignals(journal, snapshots, state, clock, recovery);
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
      long sequence = journal.append(entries);
      for (Signal signal : signals) {
        state.apply(signal, receivedAt);
      }
      applied = sequence;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the state as of the last applied signal to a snapshot file and drops the journal it
   * covers. Ingest waits only while the state is copied into memory, not while it is written out.
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
    // The journal up to the snapshot goes to disk first: a snapshot that outlived a power loss its
    // journal did not would make the next start find the journal ending before the snapshot.
    journal.sync();
    SnapshotFile.write(snapshots, sequence, copy::writeTo);
    journal.truncateThrough(newestSnapshot);
    newestSnapshot = sequence;
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

  /** Takes a last snapshot (so the next start replays nothing) and closes the journal. */
  @Override
  public void close() throws IOException {
    try {
      snapshot();
    } finally {
      journal.close();
    }
  }

  /** How a start restored state: from a snapshot or not, the journal entries replayed after it, and how long it took. */
  public record Recovery(boolean fromSnapshot, long snapshotSequence, long replayed, long journalSequence, long millis) {

    /** Whether an earlier run's state was resumed (a snapshot, or journaled signals). */
    public boolean resumed() {
      return fromSnapshot || replayed > 0;
    }

    @Override
    public String toString() {
      return (fromSnapshot ? "snapshot at journal sequence " + snapshotSequence : "no snapshot")
          + " and " + replayed + " journaled signals in " + millis + " ms";
    }
  }
}
