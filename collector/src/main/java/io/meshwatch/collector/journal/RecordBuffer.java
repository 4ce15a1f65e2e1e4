package io.meshwatch.collector.journal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that one appender thread reuses for every batch it encodes, so encoding
 * allocates nothing per entry. Fixed-width numbers are big-endian; varints are LEB128.
 */
final class RecordBuffer {
  private static final int INITIAL = 8 << 10;
  private static final int RETAINED = 1 << 20;

  private byte[] bytes = new byte[INITIAL];
  private int size;

  void clear() {
    if (bytes.length > RETAINED) {
      // One huge batch must not pin megabytes per thread for the collector's lifetime.
      bytes = new byte[INITIAL];
    }
    size = 0;
  }

  int size() {
    return size;
  }

  /** Reserves {@code n} bytes to be filled in later with the {@code set} methods. */
  void skip(int n) {
    ensure(n);
    size += n;
  }

  void putByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void putLong(long value) {
    ensure(8);
    setLong(size, value);
    size += 8;
  }

  void putDouble(double value) {
    putLong(Double.doubleToRawLongBits(value));
  }

  /** An unsigned LEB128 varint: 1 byte below 128, at most 10. */
  void putVarLong(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  /** A signed value as a zig-zag varint, so small negative numbers stay small. */
  void putZigZag(long value) {
    putVarLong((value << 1) ^ (value >> 63));
  }

  /**
   * A string as its byte length and its UTF-16 code units in 1 to 3 bytes each (Java's modified
   * UTF-8 without the NUL special case): every Java string, lone surrogates included, round-trips
   * exactly, and ASCII, which ids and check names almost always are, costs one byte a char.
   */
  void putString(String value) {
    int n = value.length();
    int length = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    putVarLong(length);
    ensure(length);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xC0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else {
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  void setInt(int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  void setLong(int at, long value) {
    setInt(at, (int) (value >>> 32));
    setInt(at + 4, (int) value);
  }

  /** The bytes written so far, for one channel write. */
  ByteBuffer view() {
    return ByteBuffer.wrap(bytes, 0, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("journal record would exceed 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }
}
