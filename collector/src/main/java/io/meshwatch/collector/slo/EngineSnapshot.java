package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.CadenceLearner;
import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of an engine's state: a magic number and a format version, the number of products,
 * then per product, as a block of its own behind its length in bytes, its id (modified UTF-8), last
 * seen, data time and first freshness update (each a presence flag, epoch second and nanosecond), its
 * cadence learners (a count, then each in its own versioned form, which names its zone) and its SLOs:
 * per SLO its name, kind label, freshness cursor (epoch minute), its series in the store's form and,
 * behind a flag, its volume learner. A closing marker catches a snapshot cut short between two blocks.
 *
 * <p>Reading builds everything detached from the engine. A snapshot that is not one, of an unknown
 * version or cut short fails whole, before anything changes; a product whose block cannot be read is
 * set aside as {@link Unreadable} and the products after it are read on. Version 1 (before blocks)
 * is still read: there a product that cannot be read ends the reading, since where the next one
 * starts is unknown, and the products before it are kept.
 */
final class EngineSnapshot {

  /** "MWEN": meshwatch engine. */
  static final int MAGIC = 0x4D57454E;
  static final int VERSION = 2;
  /** The version before each product became a block of its own. */
  static final int UNBLOCKED = 1;
  /** "MWEE": meshwatch engine end. */
  static final int END = 0x4D574545;
  /** More than any product's state (a thousand SLOs of a quarter's window are ~30 MB): a length beyond is damage. */
  static final int MAX_BLOCK_BYTES = 256 << 20;

  /** A product as saved. */
  record SavedProduct(ProductId id, @Nullable Instant lastSeen, @Nullable Instant dataTime,
      @Nullable Instant freshnessSince, Map<ZoneId, CadenceLearner> cadences, Map<String, SavedSlo> slos) {}

  /** An SLO as saved; {@code series} is detached from the store until restored. */
  record SavedSlo(String name, SliKind kind, long cursor, SliSeries series, @Nullable VolumeLearner volume) {}

  /** A product whose saved state could not be read: its id where that much was read, and why. */
  record Unreadable(@Nullable ProductId id, String why) {}

  /** What a snapshot held: the products read, by id in the order written, and those that could not be. */
  record Read(Map<ProductId, SavedProduct> products, List<Unreadable> unreadable) {}

  private EngineSnapshot() {}

  /** Writes {@code products}, each under its lock so that its learners stand still while written. */
  static void write(Collection<ProductTrack> products, SliStore store, DataOutput out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(products.size());
    Block block = new Block();
    DataOutputStream blockOut = new DataOutputStream(block);
    for (ProductTrack product : products) {
      block.reset();
      product.lock().lock();
      try {
        write(product, store, blockOut);
      } finally {
        product.lock().unlock();
      }
      blockOut.flush();
      out.writeInt(block.size());
      block.writeTo(out);
    }
    out.writeInt(END);
  }

  /** One product's bytes, handed on without another copy. */
  private static final class Block extends ByteArrayOutputStream {
    void writeTo(DataOutput out) throws IOException {
      out.write(buf, 0, count);
    }
  }

  private static void write(ProductTrack product, SliStore store, DataOutput out) throws IOException {
    out.writeUTF(product.id().toString());
    writeInstant(product.lastSeen(), out);
    writeInstant(product.dataTime(), out);
    writeInstant(product.freshnessSince(), out);
    Collection<CadenceLearner> cadences = product.cadences();
    out.writeInt(cadences.size());
    for (CadenceLearner cadence : cadences) {
      cadence.writeTo(out);
    }
    List<SloTrack> slos = product.slos();
    out.writeInt(slos.size());
    for (SloTrack slo : slos) {
      out.writeUTF(slo.spec().name());
      out.writeUTF(slo.spec().kind().label());
      out.writeLong(slo.accountedUntilMinute());
      store.writeSeries(slo.series(), out);
      VolumeLearner volume = slo.volume();
      out.writeBoolean(volume != null);
      if (volume != null) {
        volume.writeTo(out);
      }
    }
  }

  /**
   * Reads what {@link #write} wrote (or version 1 of it).
   *
   * @throws IOException naming what is wrong and where, when the input is not an engine snapshot, of
   *     another version, truncated or its blocks inconsistent
   */
  static Read read(SliStore store, DataInput in) throws IOException {
    try {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(String.format("not an SLO engine snapshot: starts with 0x%08X, expected 0x%08X",
            magic, MAGIC));
      }
      int version = in.readInt();
      if (version != VERSION && version != UNBLOCKED) {
        throw new IOException("unsupported SLO engine snapshot version " + version + ", this collector reads "
            + UNBLOCKED + " and " + VERSION);
      }
      int count = count(in, "products");
      Read read = version == VERSION ? readBlocks(store, in, count) : readUnblocked(store, in, count);
      if (version == VERSION || read.unreadable().isEmpty()) {
        int end = in.readInt();
        if (end != END) {
          throw new IOException(String.format("corrupt SLO engine snapshot: 0x%08X after the last product, expected"
              + " the end marker 0x%08X", end, END));
        }
      }
      return read;
    } catch (EOFException e) {
      throw new IOException("truncated SLO engine snapshot", e);
    }
  }

  private static Read readBlocks(SliStore store, DataInput in, int count) throws IOException {
    Map<ProductId, SavedProduct> products = new LinkedHashMap<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      if (length < 0 || length > MAX_BLOCK_BYTES) {
        throw new IOException("corrupt SLO engine snapshot: product " + (i + 1) + " of " + count + " is " + length
            + " bytes long");
      }
      byte[] block = new byte[length];
      in.readFully(block);
      ByteArrayInputStream bytes = new ByteArrayInputStream(block);
      ProductReader reader = new ProductReader(new DataInputStream(bytes));
      try {
        SavedProduct product = reader.read(store);
        if (bytes.available() > 0) {
          throw new IOException(bytes.available() + " bytes left after the product's state");
        }
        if (products.putIfAbsent(product.id(), product) != null) {
          throw new IOException("saved twice; the first is kept");
        }
      } catch (IOException | RuntimeException e) {
        unreadable.add(new Unreadable(reader.id, why(e)));
      }
    }
    return new Read(products, unreadable);
  }

  private static Read readUnblocked(SliStore store, DataInput in, int count) throws IOException {
    Map<ProductId, SavedProduct> products = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      ProductReader reader = new ProductReader(in);
      try {
        SavedProduct product = reader.read(store);
        if (products.putIfAbsent(product.id(), product) != null) {
          throw new IOException("saved twice; the first is kept");
        }
      } catch (EOFException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        String rest = i + 1 < count ? "; the " + (count - i - 1) + " products after it in the snapshot are not read"
            + " either (a version " + UNBLOCKED + " snapshot does not say where the next one starts)" : "";
        return new Read(products, List.of(new Unreadable(reader.id, why(e) + rest)));
      }
    }
    return new Read(products, List.of());
  }

  private static String why(Exception e) {
    String message = e instanceof EOFException ? "its state ends early" : e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Reads one product, remembering its id once read, so that a failure later on can name it. */
  private static final class ProductReader {
    private final DataInput in;
    private @Nullable ProductId id;

    ProductReader(DataInput in) {
      this.in = in;
    }

    SavedProduct read(SliStore store) throws IOException {
      String idText = in.readUTF();
      try {
        id = ProductId.parse(idText);
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt SLO engine snapshot: " + e.getMessage(), e);
      }
      return readProduct(id, store, in);
    }
  }

  private static SavedProduct readProduct(ProductId id, SliStore store, DataInput in) throws IOException {
    String where = "SLO engine snapshot, product " + id;
    Instant lastSeen = readInstant(in, where);
    Instant dataTime = readInstant(in, where);
    Instant since = readInstant(in, where);
    int cadenceCount = count(in, "cadence learners of " + id);
    Map<ZoneId, CadenceLearner> cadences = new LinkedHashMap<>();
    for (int i = 0; i < cadenceCount; i++) {
      CadenceLearner cadence = nested(() -> CadenceLearner.readFrom(in), where);
      if (cadences.put(cadence.zone(), cadence) != null) {
        throw new IOException(where + ": two cadence learners in zone " + cadence.zone());
      }
    }
    int sloCount = count(in, "SLOs of " + id);
    Map<String, SavedSlo> slos = new LinkedHashMap<>();
    for (int i = 0; i < sloCount; i++) {
      SavedSlo slo = readSlo(store, in, where);
      if (slos.put(slo.name(), slo) != null) {
        throw new IOException(where + ": SLO " + slo.name() + " twice");
      }
    }
    return new SavedProduct(id, lastSeen, dataTime, since, cadences, slos);
  }

  private static SavedSlo readSlo(SliStore store, DataInput in, String product) throws IOException {
    String name = in.readUTF();
    String where = product + ", SLO " + name;
    SliKind kind;
    String label = in.readUTF();
    try {
      kind = SliKind.fromLabel(label);
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
    long cursor = in.readLong();
    SliSeries series = nested(() -> store.readSeries(in), where);
    VolumeLearner volume = in.readBoolean() ? nested(() -> VolumeLearner.readFrom(in), where) : null;
    return new SavedSlo(name, kind, cursor, series, volume);
  }

  private static int count(DataInput in, String what) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("corrupt SLO engine snapshot: " + count + " " + what);
    }
    return count;
  }

  private static void writeInstant(@Nullable Instant instant, DataOutput out) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

  private static @Nullable Instant readInstant(DataInput in, String where) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      if (nanos < 0 || nanos > 999_999_999) {
        throw new DateTimeException("nanosecond " + nanos + " out of range");
      }
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw new IOException(where + ": invalid instant " + seconds + " s " + nanos + " ns", e);
    }
  }

  /** Runs a nested reader, naming where it failed; truncation stays an {@link EOFException}. */
  private static <T> T nested(Reader<T> reader, String where) throws IOException {
    try {
      return reader.read();
    } catch (EOFException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Readers check what they can; a value they pass on unchecked (a zone, a time) may still throw.
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read() throws IOException;
  }
}
