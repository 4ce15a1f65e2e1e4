package io.meshwatch.collector.store;

import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The binary form of a {@link MemorySliStore}: a magic number, a format version, the number of
 * series, then per series its product id and SLO name (modified UTF-8) and what
 * {@link MemorySliSeries#writeTo} writes. Only non-empty buckets are written, so a snapshot is small
 * for sparse series; running sums are rebuilt on reading.
 */
final class StoreSnapshot {

  /** "MWSL": meshwatch SLI store. */
  static final int MAGIC = 0x4D57534C;
  static final int VERSION = 1;

  private StoreSnapshot() {}

  static void write(Map<MemorySliStore.Key, MemorySliSeries> series, DataOutput out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(series.size());
    for (Map.Entry<MemorySliStore.Key, MemorySliSeries> entry : series.entrySet()) {
      out.writeUTF(entry.getKey().product().toString());
      out.writeUTF(entry.getKey().slo());
      entry.getValue().writeTo(out);
    }
  }

  static Map<MemorySliStore.Key, MemorySliSeries> read(DataInput in) throws IOException {
    try {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(String.format(
            "not an SLI store snapshot: starts with 0x%08X, expected 0x%08X", magic, MAGIC));
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("unsupported SLI store snapshot version " + version + ", this collector reads "
            + VERSION);
      }
      int count = in.readInt();
      if (count < 0) {
        throw new IOException("corrupt SLI store snapshot: " + count + " series");
      }
      Map<MemorySliStore.Key, MemorySliSeries> series = new HashMap<>();
      for (int i = 0; i < count; i++) {
        MemorySliStore.Key key = new MemorySliStore.Key(product(in.readUTF()), in.readUTF());
        MemorySliSeries read;
        try {
          read = MemorySliSeries.readFrom(in);
        } catch (EOFException e) {
          throw e;
        } catch (IOException e) {
          throw new IOException("SLI store snapshot, series " + key.product() + "/" + key.slo() + ": "
              + e.getMessage(), e);
        }
        if (series.put(key, read) != null) {
          throw new IOException("corrupt SLI store snapshot: series " + key.product() + "/" + key.slo() + " twice");
        }
      }
      return series;
    } catch (EOFException e) {
      throw new IOException("truncated SLI store snapshot", e);
    }
  }

  private static ProductId product(String id) throws IOException {
    try {
      return ProductId.parse(id);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt SLI store snapshot: " + e.getMessage(), e);
    }
  }
}
