package io.meshwatch.durable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive hold of a data dir: an OS file lock on {@code <dir>/lock}, which holds the pid of the
 * process that has it. A second process, or a second open in this one, is refused with a
 * {@link DataDirLockedException} naming that pid. The OS releases the lock when the process dies, so a
 * {@code kill -9} leaves nothing to clean up.
 *
 * <pre>{@code
 * try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
 *   // the only process using dataDir
 * }
 * }</pre>
 */
public final class DataDirLock implements Closeable {
  public static final String FILE = "lock";
  // POSIX locks belong to the process, and closing any descriptor of the file drops them: a second
  // open in this JVM is refused here, before it opens one.
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir} (created if missing) and writes this process's pid into it.
   *
   * @throws DataDirLockedException when another process or another open in this one holds it
   */
  public static DataDirLock acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path key = dir.toRealPath();
    long self = ProcessHandle.current().pid();
    if (!HELD.add(key)) {
      throw new DataDirLockedException(dir, self, true);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new DataDirLockedException(dir, holder(channel), false);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      if (channel != null) {
        channel.close();
      }
      throw e;
    }
  }

  /** The pid written in the lock file, or -1 when there is none (yet). */
  private static long holder(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(32);
    channel.read(bytes, 0);
    String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Releases the lock; the file stays, with the pid of the last holder. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      HELD.remove(key);
    }
  }
}
