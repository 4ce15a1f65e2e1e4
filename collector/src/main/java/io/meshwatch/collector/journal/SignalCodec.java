package io.meshwatch.collector.journal;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.meshwatch.model.Signal.FreshnessUpdate;
import io.meshwatch.model.Signal.Heartbeat;
import io.meshwatch.model.Signal.QualityOutcome;
import io.meshwatch.model.Signal.RunsCompleted;
import io.meshwatch.model.Signal.UsageReads;
import io.meshwatch.model.Signal.VolumeWritten;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The binary form of a {@link JournalEntry}: a type tag, {@code receivedAt}, the product, the
 * observation time and the type's own fields. Instants other than {@code receivedAt} are stored as
 * whole seconds relative to it plus their nanos, so the usual few seconds of skew cost a byte or
 * two. Tags are part of the on-disk format: never renumber one, only add.
 */
final class SignalCodec {
  static final int FRESHNESS = 1;
  static final int QUALITY = 2;
  static final int VOLUME = 3;
  static final int USAGE = 4;
  static final int RUNS = 5;
  static final int HEARTBEAT = 6;

  private SignalCodec() {}

  static void encode(JournalEntry entry, RecordBuffer out) {
    Signal signal = entry.signal();
    Instant base = entry.receivedAt();
    out.putByte(tag(signal));
    out.putZigZag(base.getEpochSecond());
    out.putVarLong(base.getNano());
    out.putString(signal.product().domain());
    out.putString(signal.product().name());
    putRelative(out, base, signal.observedAt());
    if (signal instanceof FreshnessUpdate f) {
      putRelative(out, base, f.dataTime());
    } else if (signal instanceof QualityOutcome q) {
      out.putString(q.check());
      out.putVarLong(q.checksPassed());
      out.putVarLong(q.checksFailed());
      out.putVarLong(q.rowsChecked());
      out.putVarLong(q.rowsFailed());
    } else if (signal instanceof VolumeWritten v) {
      out.putVarLong(v.runs());
      out.putDouble(v.rows());
    } else if (signal instanceof UsageReads u) {
      out.putString(u.consumer());
      out.putVarLong(u.succeeded());
      out.putVarLong(u.failed());
      putDuration(out, u.totalLatency());
    } else if (signal instanceof RunsCompleted r) {
      out.putVarLong(r.succeeded());
      out.putVarLong(r.failed());
      putDuration(out, r.totalDuration());
    }
  }

  /**
   * Reads one entry at the buffer's position.
   *
   * @throws IllegalArgumentException or {@link java.nio.BufferUnderflowException} on bytes that are
   *     not an entry
   */
  static JournalEntry decode(ByteBuffer in) {
    int tag = in.get();
    Instant base = Instant.ofEpochSecond(readZigZag(in), readNanos(in));
    ProductId product = new ProductId(readString(in), readString(in));
    Instant observedAt = readRelative(in, base);
    Signal signal =
        switch (tag) {
          case FRESHNESS -> new FreshnessUpdate(product, observedAt, readRelative(in, base));
          case QUALITY -> new QualityOutcome(
              product, observedAt, readString(in), readVarLong(in), readVarLong(in), readVarLong(in),
              readVarLong(in));
          case VOLUME -> new VolumeWritten(
              product, observedAt, readVarLong(in), Double.longBitsToDouble(in.getLong()));
          case USAGE -> new UsageReads(
              product, observedAt, readString(in), readVarLong(in), readVarLong(in), readDuration(in));
          case RUNS -> new RunsCompleted(
              product, observedAt, readVarLong(in), readVarLong(in), readDuration(in));
          case HEARTBEAT -> new Heartbeat(product, observedAt);
          default -> throw new IllegalArgumentException("unknown signal tag " + tag);
        };
    return new JournalEntry(signal, base);
  }

  private static int tag(Signal signal) {
    if (signal instanceof FreshnessUpdate) {
      return FRESHNESS;
    } else if (signal instanceof QualityOutcome) {
      return QUALITY;
    } else if (signal instanceof VolumeWritten) {
      return VOLUME;
    } else if (signal instanceof UsageReads) {
      return USAGE;
    } else if (signal instanceof RunsCompleted) {
      return RUNS;
    } else if (signal instanceof Heartbeat) {
      return HEARTBEAT;
    }
    throw new IllegalArgumentException("no journal encoding for " + signal.getClass().getName());
  }

  private static void putRelative(RecordBuffer out, Instant base, Instant value) {
    // Instant's range is +-3.2e16 s, so the difference of two always fits in a long.
    out.putZigZag(value.getEpochSecond() - base.getEpochSecond());
    out.putVarLong(value.getNano());
  }

  private static Instant readRelative(ByteBuffer in, Instant base) {
    long seconds = Math.addExact(base.getEpochSecond(), readZigZag(in));
    return Instant.ofEpochSecond(seconds, readNanos(in));
  }

  private static void putDuration(RecordBuffer out, Duration value) {
    out.putZigZag(value.getSeconds());
    out.putVarLong(value.getNano());
  }

  private static Duration readDuration(ByteBuffer in) {
    return Duration.ofSeconds(readZigZag(in), readNanos(in));
  }

  private static int readNanos(ByteBuffer in) {
    long nanos = readVarLong(in);
    if (nanos > 999_999_999L) {
      throw new IllegalArgumentException("nanos out of range: " + nanos);
    }
    return (int) nanos;
  }

  static long readVarLong(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes");
  }

  static long readZigZag(ByteBuffer in) {
    long v = readVarLong(in);
    return (v >>> 1) ^ -(v & 1);
  }

  static String readString(ByteBuffer in) {
    long length = readVarLong(in);
    if (length > in.remaining()) {
      throw new IllegalArgumentException("string of " + length + " bytes, only " + in.remaining() + " left");
    }
    byte[] array = in.array();
    int start = in.arrayOffset() + in.position();
    int end = start + (int) length;
    in.position(in.position() + (int) length);
    boolean ascii = true;
    for (int i = start; i < end && ascii; i++) {
      ascii = array[i] >= 0;
    }
    if (ascii) {
      return new String(array, start, end - start, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[end - start];
    int n = 0;
    int i = start;
    while (i < end) {
      int b = array[i++] & 0xFF;
      if (b < 0x80) {
        chars[n++] = (char) b;
      } else if ((b & 0xE0) == 0xC0 && i < end) {
        chars[n++] = (char) (((b & 0x1F) << 6) | (array[i++] & 0x3F));
      } else if ((b & 0xF0) == 0xE0 && i + 1 < end) {
        chars[n++] = (char) (((b & 0x0F) << 12) | ((array[i] & 0x3F) << 6) | (array[i + 1] & 0x3F));
        i += 2;
      } else {
        throw new IllegalArgumentException("malformed string byte " + b);
      }
    }
    return new String(chars, 0, n);
  }
}
