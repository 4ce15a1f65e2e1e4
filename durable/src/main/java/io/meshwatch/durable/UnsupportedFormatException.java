package io.meshwatch.durable;

import java.io.IOException;
import java.nio.file.Path;

/** A data dir written in a newer format than this program reads: see {@link DataDirFormat}. */
public final class UnsupportedFormatException extends IOException {
  private final int found;
  private final int supported;

  UnsupportedFormatException(Path dir, int found, int supported) {
    super("data dir " + dir + " has format " + found + ", written by a newer meshwatch; this one reads formats up to "
        + supported + ". Run the newer version, or start this one on another data dir");
    this.found = found;
    this.supported = supported;
  }

  /** The data dir's format. */
  public int found() {
    return found;
  }

  /** The newest format this program reads. */
  public int supported() {
    return supported;
  }
}
