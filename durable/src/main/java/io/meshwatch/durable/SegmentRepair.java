package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves a damaged segment aside, never cutting it: its valid records are copied, byte for byte, into
 * {@code <segment>.repair}, which is flushed; the damaged file goes to {@code damaged/} (where an
 * operator can look at it) and the copy takes its name. A crash in between is finished by
 * {@link #finishInterrupted} at the next open. With {@code force} (any fsync policy but
 * {@link FsyncPolicy#NONE}) the copy and the renames are on the disk before the original moves.
 */
final class SegmentRepair {
  static final String DAMAGED_DIR = "damaged";
  private static final String SUFFIX = ".repair";

  private SegmentRepair() {}

  /** Replaces the segment of {@code firstSequence} by its valid records; returns the copy's size. */
  static long repair(Path dir, long firstSequence, long size, boolean active, boolean force) throws IOException {
    Path file = dir.resolve(SegmentFormat.fileName(firstSequence));
    Path copy = dir.resolve(file.getFileName() + SUFFIX);
    long copied;
    try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      writeFully(out, SegmentFormat.header(firstSequence));
      SegmentScan.scan(file, firstSequence, size, active,
          (sequence, bytes, at, frameBytes) -> writeFully(out, ByteBuffer.wrap(bytes, at, frameBytes)));
      if (force) {
        out.force(true);
      }
      copied = out.size();
    }
    moveAside(dir, file, force);
    Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
    if (force) {
      DirectoryFsync.force(dir);
    }
    return copied;
  }

  /** Moves {@code file} into {@code damaged/} under a name no earlier damage took. */
  static Path moveAside(Path dir, Path file, boolean force) throws IOException {
    Path damaged = dir.resolve(DAMAGED_DIR);
    Files.createDirectories(damaged);
    String name = file.getFileName().toString();
    Path target = damaged.resolve(name);
    for (int n = 1; Files.exists(target); n++) {
      target = damaged.resolve(name + "." + n);
    }
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    if (force) {
      DirectoryFsync.force(damaged);
    }
    return target;
  }

  /**
   * Finishes repairs a crash interrupted: a copy whose segment is still in place was not yet used
   * and is deleted; a copy whose segment was already moved aside takes its name.
   */
  static void finishInterrupted(Path dir) throws IOException {
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "*" + SegmentFormat.SUFFIX + SUFFIX)) {
      for (Path copy : copies) {
        String name = copy.getFileName().toString();
        Path file = dir.resolve(name.substring(0, name.length() - SUFFIX.length()));
        if (Files.exists(file)) {
          Files.delete(copy);
        } else {
          Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
