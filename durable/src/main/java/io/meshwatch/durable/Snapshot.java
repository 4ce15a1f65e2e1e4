package io.meshwatch.durable;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The newest valid snapshot of a {@link DurableLog}: the state as of record
 * {@link #sequence()}, readable once from {@link #data()}. Reading past the payload ends in
 * an {@link java.io.EOFException}. Close it when done.
 */
public final class Snapshot implements Closeable {
  private final Path file;
  private final long sequence;
  private final DataInputStream data;

  Snapshot(Path file, long sequence, InputStream payload, long payloadBytes) {
    this.file = file;
    this.sequence = sequence;
    this.data = new DataInputStream(new BufferedInputStream(new Bounded(payload, payloadBytes), 1 << 16));
  }

  /** The sequence of the last record the state includes; replay the log after it. */
  public long sequence() {
    return sequence;
  }

  /** The payload the {@link SnapshotWriter} wrote. */
  public DataInput data() {
    return data;
  }

  /** The snapshot's file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    data.close();
  }

  /** Ends the stream at the payload, so the trailer is never read as state. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long left) {
      this.in = in;
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left == 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left == 0) {
        return length == 0 ? 0 : -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
