package io.meshwatch.durable;

import java.io.IOException;
import java.nio.file.Path;

/** A data dir that another process, or another open in this one, holds: see {@link DataDirLock}. */
public final class DataDirLockedException extends IOException {
  private final Path dir;
  private final long holderPid;

  DataDirLockedException(Path dir, long holderPid, boolean sameProcess) {
    super("data dir " + dir + " is in use by " + (sameProcess ? "this process (pid " + holderPid + ")"
        : holderPid < 0 ? "another process (its pid is not yet written in " + dir.resolve(DataDirLock.FILE) + ")"
        : "another process, pid " + holderPid) + "; one data dir serves one collector at a time");
    this.dir = dir;
    this.holderPid = holderPid;
  }

  /** The data dir. */
  public Path dir() {
    return dir;
  }

  /** The pid of the process holding the lock, or -1 when it had not written it yet. */
  public long holderPid() {
    return holderPid;
  }
}
