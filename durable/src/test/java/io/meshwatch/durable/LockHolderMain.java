package io.meshwatch.durable;

import java.nio.file.Path;

/** Holds the lock of the data dir in its first argument, printing {@code LOCKED}, until stdin closes. */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
      System.out.println("LOCKED");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait until the parent closes stdin or kills this process
      }
    }
  }
}
