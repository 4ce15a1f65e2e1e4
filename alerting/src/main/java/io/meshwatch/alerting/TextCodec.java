package io.meshwatch.alerting;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;

/**
 * Strings in alerting's stored state: a byte length ({@code int}) and each UTF-16 unit in 1 to 3
 * bytes, as Java's modified UTF-8 does, but with no 64 KiB bound (which {@code writeUTF} has: a
 * longer comment used to fail every later write) and NUL as one byte. Every Java string, lone
 * surrogates included, comes back exactly. State written before this format, by {@code writeUTF},
 * is read through {@link #formatOne}.
 */
public final class TextCodec {
  private TextCodec() {}

  public static void write(DataOutput out, String value) throws IOException {
    int n = value.length();
    long length = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("a string of " + n + " chars does not fit in 2 GiB");
    }
    byte[] bytes = new byte[(int) length];
    int at = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xC0 | (c >> 6));
        bytes[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        bytes[at++] = (byte) (0xE0 | (c >> 12));
        bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String read(DataInput in) throws IOException {
    if (in instanceof FormatOne) {
      return in.readUTF();
    }
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("stored string of negative length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    char[] chars = new char[length];
    int n = 0;
    for (int i = 0; i < length; ) {
      int b = bytes[i++] & 0xFF;
      if (b < 0x80) {
        chars[n++] = (char) b;
      } else if ((b & 0xE0) == 0xC0 && i < length) {
        chars[n++] = (char) (((b & 0x1F) << 6) | (bytes[i++] & 0x3F));
      } else if ((b & 0xF0) == 0xE0 && i + 1 < length) {
        chars[n++] = (char) (((b & 0x0F) << 12) | ((bytes[i] & 0x3F) << 6) | (bytes[i + 1] & 0x3F));
        i += 2;
      } else {
        throw new IOException("malformed stored string byte " + b + " at " + (i - 1));
      }
    }
    return new String(chars, 0, n);
  }

  /** A stream of state written before this format: {@link #read} reads its strings with {@code readUTF}. */
  public static DataInput formatOne(InputStream in) {
    return new FormatOne(in);
  }

  private static final class FormatOne extends DataInputStream {
    FormatOne(InputStream in) {
      super(in);
    }
  }
}
