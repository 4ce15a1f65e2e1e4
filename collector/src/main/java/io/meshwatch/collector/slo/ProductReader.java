package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.CadenceLearner;
import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.collector.slo.EngineSnapshot.SavedProduct;
import io.meshwatch.collector.slo.EngineSnapshot.SavedSlo;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one product's saved state in {@link EngineSnapshot}'s form, checking what it can, and
 * remembers the product's id once read, so that a failure later on can name it.
 */
final class ProductReader {

  private final DataInput in;
  private @Nullable ProductId id;

  ProductReader(DataInput in) {
    this.in = in;
  }

  ProductId readId() throws IOException {
    String idText = in.readUTF();
    try {
      id = ProductId.parse(idText);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt SLO engine snapshot: " + e.getMessage(), e);
    }
    return id;
  }

  SavedProduct readState(ProductId product, SliStore store) throws IOException {
    return readProduct(product, store, in);
  }

  /** The product's id, once read; null before or when it could not be. */
  @Nullable ProductId id() {
    return id;
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

  static int count(DataInput in, String what) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("corrupt SLO engine snapshot: " + count + " " + what);
    }
    return count;
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
