package io.meshwatch.durable;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The log itself passes the contract: records are ids, a snapshot holds the ids so far. */
class DurableLogContractTest extends DurableLogContract {

  @Override
  protected Subject open(Path dir) throws Exception {
    DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS.withSegmentBytes(SEGMENT_BYTES));
    List<Integer> ids = new ArrayList<>();
    long after = 0;
    Optional<Snapshot> latest = log.latestSnapshot();
    if (latest.isPresent()) {
      try (Snapshot snapshot = latest.get()) {
        int count = snapshot.data().readInt();
        for (int i = 0; i < count; i++) {
          ids.add(snapshot.data().readInt());
        }
        after = snapshot.sequence();
      }
    }
    log.replay(after, (sequence, payload) -> ids.add(payload.getInt()));
    List<Integer> recovered = List.copyOf(ids);
    return new Subject() {
      @Override
      public void append(int id) throws Exception {
        log.append(ByteBuffer.allocate(60).putInt(id).putLong(id * 31L).position(60).flip());
        ids.add(id);
      }

      @Override
      public void checkpoint() throws Exception {
        List<Integer> state = List.copyOf(ids);
        log.snapshot(log.lastSequence(), out -> {
          out.writeInt(state.size());
          for (int id : state) {
            out.writeInt(id);
          }
        });
      }

      @Override
      public List<Integer> recovered() {
        return recovered;
      }

      @Override
      public Damage damage() {
        return log.damage();
      }

      @Override
      public void close() throws Exception {
        log.close();
      }
    };
  }
}
