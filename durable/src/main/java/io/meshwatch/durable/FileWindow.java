package io.meshwatch.durable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file through a window of about a megabyte that slides forward: sequential reads cost one
 * system call per window, and a reader looking for the next record after damage can look at any
 * offset. {@link #bytes()} is valid for {@code [offset, offset + length)} after {@link #load}.
 */
final class FileWindow implements Closeable {
  private static final int WINDOW = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private byte[] bytes;
  private long start;
  private int length;

  FileWindow(Path file, long size) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = size;
    this.bytes = new byte[(int) Math.min(WINDOW, size)];
  }

  long size() {
    return size;
  }

  /**
   * Makes {@code count} bytes at {@code offset} readable; returns the index of {@code offset} in
   * {@link #bytes()}. The caller checks that they lie inside {@link #size()}.
   */
  int load(long offset, int count) throws IOException {
    if (offset >= start && offset + count <= start + length) {
      return (int) (offset - start);
    }
    if (bytes.length < count) {
      bytes = new byte[count];
    }
    start = offset;
    int want = (int) Math.min(bytes.length, size - offset);
    ByteBuffer into = ByteBuffer.wrap(bytes, 0, want);
    while (into.hasRemaining()) {
      if (channel.read(into, offset + into.position()) < 0) {
        throw new IOException("file ended at " + (offset + into.position()) + " while reading " + size + " bytes");
      }
    }
    length = want;
    return 0;
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
