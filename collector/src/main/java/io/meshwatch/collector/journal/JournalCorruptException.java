package io.meshwatch.collector.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Journal or snapshot bytes that cannot be read back and cannot be explained by a crash while
 * writing: damage inside a segment that is not the last one, a sequence gap, a missing segment, or
 * a file that is not a meshwatch journal. Recovery never guesses past it; an operator decides.
 */
public final class JournalCorruptException extends IOException {
  private final Path file;
  private final long offset;

  public JournalCorruptException(Path file, long offset, String reason) {
    super("journal file " + file + " is corrupt at offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** Byte offset in {@link #file()} of the first record that could not be read. */
  public long offset() {
    return offset;
  }
}
