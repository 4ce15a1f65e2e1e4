package io.meshwatch.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a directory's entries durable: a created or renamed file is only sure to exist after a
 * power loss once its directory is flushed too.
 */
final class DirectoryFsync {
  private DirectoryFsync() {}

  static void force(Path dir) throws IOException {
    // Linux and macOS flush a directory through a read-only descriptor of it.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
