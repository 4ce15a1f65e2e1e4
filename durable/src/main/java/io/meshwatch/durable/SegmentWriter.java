package io.meshwatch.durable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The segment being appended to. A failed write is rolled back to the last whole record, so a later
 * append never lands behind a partial one. A thread interrupted inside a {@link FileChannel} call
 * closes the channel for everyone; the writer then reopens the file instead of failing for good.
 * Callers hold the log's write lock for {@link #write}.
 */
final class SegmentWriter implements Closeable {
  private final Path file;
  private final long firstSequence;
  private FileChannel channel;
  private long size;
  private @Nullable IOException broken;
  private boolean closed;

  private SegmentWriter(Path file, long firstSequence, FileChannel channel, long size) {
    this.file = file;
    this.firstSequence = firstSequence;
    this.channel = channel;
    this.size = size;
  }

  /** Creates the segment whose first record will be {@code firstSequence}. */
  static SegmentWriter create(Path dir, long firstSequence) throws IOException {
    Path file = dir.resolve(SegmentFormat.fileName(firstSequence));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    SegmentWriter writer = new SegmentWriter(file, firstSequence, channel, 0);
    writer.write(SegmentFormat.header(firstSequence));
    return writer;
  }

  /**
   * Continues an existing segment whose first {@code validBytes} hold its header and whole records,
   * cutting off what follows them (a torn tail found by recovery, never a valid record).
   */
  static SegmentWriter resume(Path file, long firstSequence, long validBytes) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    SegmentWriter writer = new SegmentWriter(file, firstSequence, channel, validBytes);
    if (validBytes < SegmentFormat.HEADER_BYTES) {
      channel.truncate(0);
      writer.size = 0;
      writer.write(SegmentFormat.header(firstSequence));
    } else if (channel.size() != validBytes) {
      channel.truncate(validBytes);
    }
    return writer;
  }

  /** Writes all of {@code bytes} at the end of the segment, normally in one system call. */
  void write(ByteBuffer bytes) throws IOException {
    if (broken != null) {
      throw new IOException("log segment " + file + " is unusable after a failed write", broken);
    }
    long start = size;
    try {
      reopenIfClosed();
      long at = start;
      while (bytes.hasRemaining()) {
        at += channel.write(bytes, at);
      }
      size = at;
    } catch (IOException e) {
      rollBack(start, e);
      throw e;
    }
  }

  private void rollBack(long start, IOException cause) {
    try {
      reopenIfClosed();
      channel.truncate(start);
    } catch (IOException e) {
      cause.addSuppressed(e);
      broken = cause;
    }
  }

  private void reopenIfClosed() throws IOException {
    if (!channel.isOpen() && !closed) {
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      // Bytes of an interrupted write may have reached the file: drop them.
      channel.truncate(size);
    }
  }

  /** Puts what was written on the disk; callers hold the log's sync lock. */
  void force() throws IOException {
    try {
      channel.force(false);
    } catch (ClosedChannelException e) {
      // Closed by an interrupted writer: any descriptor of the file flushes the same pages.
      try (FileChannel other = FileChannel.open(file, StandardOpenOption.READ)) {
        other.force(false);
      }
    }
  }

  Path file() {
    return file;
  }

  long firstSequence() {
    return firstSequence;
  }

  /** Bytes of whole records (and the header) in the segment. */
  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }
}
