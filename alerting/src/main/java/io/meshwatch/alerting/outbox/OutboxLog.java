package io.meshwatch.alerting.outbox;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The outbox's append-only log: an 8-byte magic, then records of {@code [body length][CRC32 of
 * body][body]}. A crash can only tear the tail, so replay stops at the first record whose length or
 * checksum does not hold and cuts the file there. Not thread-safe: the outbox calls it under its lock.
 */
final class OutboxLog implements Closeable {
  private static final System.Logger LOG = System.getLogger(OutboxLog.class.getName());
  static final long MAGIC = 0x4D574F5554425831L; // "MWOUTBX1"
  static final int HEADER_BYTES = 8;
  static final int RECORD_HEADER_BYTES = 8;
  // Far beyond any notification; a larger length can only be a torn or damaged length field.
  static final int MAX_BODY_BYTES = 16 << 20;
  private static final int REWRITE_BUFFER_BYTES = 256 << 10;

  private final Path file;
  private final boolean fsync;
  private final long compactionBytes;
  private FileChannel channel;
  private long size;
  private long compactAt;
  private boolean broken;

  private OutboxLog(Path file, boolean fsync, long compactionBytes, FileChannel channel) throws IOException {
    this.file = file;
    this.fsync = fsync;
    this.compactionBytes = compactionBytes;
    this.channel = channel;
    this.size = channel.size();
    this.compactAt = Math.max(compactionBytes, 2 * size);
  }

  /** Opens (or creates) the log at {@code file}, handing every intact record to {@code replay} in order. */
  static OutboxLog open(Path file, boolean fsync, long compactionBytes, Consumer<LogRecord> replay) throws IOException {
    if (!Files.exists(file) || Files.size(file) < HEADER_BYTES) {
      // Also a log whose creation crashed before its header was complete: it cannot hold records.
      rewrite(file, List.of());
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = readFully(channel, 0, HEADER_BYTES);
      if (header == null || header.getLong() != MAGIC) {
        throw new IOException(file + " is not a meshwatch outbox log (wrong magic)");
      }
      long end = replay(file, channel, replay);
      if (end < channel.size()) {
        LOG.log(System.Logger.Level.WARNING, "outbox log {0}: cutting {1} bytes of a torn or damaged tail at offset {2}",
            file, channel.size() - end, end);
        channel.truncate(end);
        channel.force(true);
      }
      return new OutboxLog(file, fsync, compactionBytes, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Replays records from the header on; returns where the intact records end. */
  private static long replay(Path file, FileChannel channel, Consumer<LogRecord> replay) throws IOException {
    long position = HEADER_BYTES;
    long size = channel.size();
    while (position + RECORD_HEADER_BYTES <= size) {
      ByteBuffer recordHeader = readFully(channel, position, RECORD_HEADER_BYTES);
      if (recordHeader == null) {
        return position;
      }
      int length = recordHeader.getInt();
      int crc = recordHeader.getInt();
      if (length < 1 || length > MAX_BODY_BYTES || position + RECORD_HEADER_BYTES + length > size) {
        return position;
      }
      ByteBuffer body = readFully(channel, position + RECORD_HEADER_BYTES, length);
      if (body == null || crc(body.array()) != crc) {
        return position;
      }
      try {
        replay.accept(LogRecord.decode(body.array()));
      } catch (IOException | RuntimeException e) {
        // The checksum holds, so this is no torn write: dropping it (and all after it) would lose data silently.
        throw new IOException("outbox log " + file + " has an unreadable record at offset " + position + ": " + e.getMessage(), e);
      }
      position += RECORD_HEADER_BYTES + length;
    }
    return position;
  }

  /** Appends {@code record}; written to the OS (and forced when configured) before this returns. */
  void append(LogRecord record) throws IOException {
    if (broken) {
      throw new IOException("outbox log " + file + " failed earlier and takes no more records");
    }
    ByteBuffer buffer = frame(record);
    long start = size;
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, start + buffer.position());
      }
      if (fsync) {
        channel.force(false);
      }
      size = start + buffer.limit();
    } catch (IOException e) {
      // A partial record in the middle would hide every later one from replay: take it back.
      try {
        channel.truncate(start);
      } catch (IOException truncateFailed) {
        broken = true;
        e.addSuppressed(truncateFailed);
      }
      throw e;
    }
  }

  boolean compactionDue() {
    return size > compactAt;
  }

  /** Replaces the log with {@code live} records only: written aside, forced, then renamed over it. */
  void compact(List<LogRecord> live) throws IOException {
    rewrite(file, live);
    FileChannel old = channel;
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    old.close();
    size = channel.size();
    compactAt = Math.max(compactionBytes, 2 * size);
    broken = false;
  }

  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static void rewrite(Path file, List<LogRecord> records) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      // Records are small and many (every retained delivered id): written a buffer at a time, not one by one.
      ByteBuffer buffer = ByteBuffer.allocate(REWRITE_BUFFER_BYTES).putLong(MAGIC);
      for (LogRecord record : records) {
        ByteBuffer frame = frame(record);
        if (frame.remaining() > buffer.remaining()) {
          writeFully(out, buffer.flip());
          buffer.clear();
        }
        if (frame.remaining() > buffer.remaining()) {
          writeFully(out, frame);
        } else {
          buffer.put(frame);
        }
      }
      writeFully(out, buffer.flip());
      out.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DirectoryFsync.force(file.toAbsolutePath().getParent());
  }

  private static ByteBuffer frame(LogRecord record) {
    byte[] body = LogRecord.encode(record);
    return ByteBuffer.allocate(RECORD_HEADER_BYTES + body.length).putInt(body.length).putInt(crc(body)).put(body).flip();
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** {@code length} bytes at {@code position}, or null when the file ends before. */
  private static @Nullable ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        return null;
      }
    }
    return buffer.flip();
  }
}
