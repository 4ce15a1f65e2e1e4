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
 * <p>A product whose block would be longer than {@link #MAX_BLOCK_BYTES} is written as its id
 * alone, which reading takes as unreadable: one product too large to save never makes a snapshot
 * the next start refuses.
 *
 * <p>Reading builds everything detached from the engine. A snapshot that is not one, of an unknown
 * version, cut short or whose framing is inconsistent (a count below zero, a block length below zero
 * or above {@link #MAX_BLOCK_BYTES}, no end marker after the last product) fails whole, before
 * anything changes; a product whose block cannot be read is set aside as {@link Unreadable} and the
 * products after it are read on, and a block whose product cannot even be named leaves a
 * {@link Gap} where it lies in the order products are written in (by id). Version 1 (before blocks)
 * is still read: there a product that cannot be read ends the reading, since where the next one
 * starts is unknown, the products before it are kept and those after it are a gap.
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

  /** A product whose saved state could not be read, and why. */
  record Unreadable(ProductId id, String why) {}

  /**
   * Where the snapshot holds saved state that cannot be told to be whose: of products written after
   * {@code after} and before {@code before}, by id (either end open where null).
   */
  record Gap(@Nullable ProductId after, @Nullable ProductId before, String why) {
    boolean holds(ProductId id) {
      return (after == null || SloEngine.BY_ID.compare(after, id) < 0)
          && (before == null || SloEngine.BY_ID.compare(id, before) < 0);
    }
  }

  /**
   * What a snapshot held: the products read, by id in the order written, those that could not be
   * (or were saved a second time), and where state of products it cannot name lies.
   */
  record Read(Map<ProductId, SavedProduct> products, List<Unreadable> unreadable, List<Gap> gaps) {}

  private EngineSnapshot() {}

  /** Writes {@code products}, each under its lock so that its learners stand still while written. */
  static void write(Collection<ProductTrack> products, SliStore store, DataOutput out) throws IOException {
    write(products, store, out, MAX_BLOCK_BYTES);
  }

  /** Like {@link #write(Collection, SliStore, DataOutput)}, with blocks of at most {@code maxBlockBytes}. */
  static void write(Collection<ProductTrack> products, SliStore store, DataOutput out, int maxBlockBytes)
      throws IOException {
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
      if (block.size() > maxBlockBytes) {
        product.faults().notSaved(block.size(), maxBlockBytes);
        block.reset();
        blockOut.writeUTF(product.id().toString());
        blockOut.flush();
      }
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
      int count = ProductReader.count(in, "products");
      return version == VERSION ? readBlocks(store, in, count) : readUnblocked(store, in, count);
    } catch (EOFException e) {
      throw new IOException("truncated SLO engine snapshot", e);
    }
  }

  private static void readEnd(DataInput in) throws IOException {
    int end = in.readInt();
    if (end != END) {
      throw new IOException(String.format("corrupt SLO engine snapshot: 0x%08X after the last product, expected"
          + " the end marker 0x%08X", end, END));
    }
  }

  private static Read readBlocks(SliStore store, DataInput in, int count) throws IOException {
    Map<ProductId, SavedProduct> products = new LinkedHashMap<>();
    List<Unreadable> unreadable = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    @Nullable ProductId lastNamed = null;
    List<String> unnamed = new ArrayList<>(); // why each block since lastNamed whose product is unknown failed
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
        ProductId id = reader.readId();
        if (bytes.available() == 0) {
          throw new IOException("its state was too large to save when the snapshot was written");
        }
        SavedProduct product = reader.readState(id, store);
        if (bytes.available() > 0) {
          throw new IOException(bytes.available() + " bytes left after the product's state");
        }
        if (products.putIfAbsent(product.id(), product) != null) {
          throw new IOException("saved twice; the first is kept");
        }
      } catch (IOException | RuntimeException e) {
        if (reader.id() != null) {
          unreadable.add(new Unreadable(reader.id(), why(e)));
        } else {
          unnamed.add(why(e));
        }
      }
      if (reader.id() != null) {
        gap(gaps, lastNamed, reader.id(), unnamed);
        lastNamed = reader.id();
      }
    }
    gap(gaps, lastNamed, null, unnamed);
    readEnd(in);
    return new Read(products, unreadable, gaps);
  }

  /** The blocks of {@code unnamed}, which lie between {@code after} and {@code before}, as one gap. */
  private static void gap(List<Gap> gaps, @Nullable ProductId after, @Nullable ProductId before, List<String> unnamed) {
    if (!unnamed.isEmpty()) {
      gaps.add(new Gap(after, before, unnamed.size() + " block(s) whose product cannot be read: " + String.join("; ", unnamed)));
      unnamed.clear();
    }
  }

  private static Read readUnblocked(SliStore store, DataInput in, int count) throws IOException {
    Map<ProductId, SavedProduct> products = new LinkedHashMap<>();
    List<Unreadable> unreadable = new ArrayList<>();
    @Nullable ProductId last = null;
    for (int i = 0; i < count; i++) {
      ProductReader reader = new ProductReader(in);
      SavedProduct product;
      try {
        product = reader.readState(reader.readId(), store);
      } catch (EOFException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // Where the next product starts is unknown: it and every later one are not read.
        int rest = count - i - 1;
        String after = rest == 0 ? "" : "; the " + rest + " products after it in the snapshot are not read either (a"
            + " version " + UNBLOCKED + " snapshot does not say where the next one starts)";
        List<Gap> gaps = new ArrayList<>();
        if (reader.id() != null) {
          unreadable.add(new Unreadable(reader.id(), why(e) + after));
          if (rest > 0) {
            gaps.add(new Gap(reader.id(), null, "after " + reader.id() + ", whose state cannot be read" + after));
          }
        } else {
          gaps.add(new Gap(last, null, "a product whose id cannot be read: " + why(e) + after));
        }
        return new Read(products, unreadable, gaps);
      }
      if (products.putIfAbsent(product.id(), product) != null) {
        unreadable.add(new Unreadable(product.id(), "saved twice; the first is kept"));
      }
      last = product.id();
    }
    readEnd(in);
    return new Read(products, unreadable, List.of());
  }

  private static String why(Exception e) {
    String message = e instanceof EOFException ? "its state ends early" : e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void writeInstant(@Nullable Instant instant, DataOutput out) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

}
