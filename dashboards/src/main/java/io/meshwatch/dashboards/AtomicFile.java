package io.meshwatch.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Replaces a file's content all at once: written to a temporary file beside it, then moved over it,
 * so that Grafana's or Prometheus' next read sees the old file or the new one, never half of one.
 */
final class AtomicFile {
  private AtomicFile() {}

  /**
   * Puts {@code content} into {@code target} unless it already holds exactly that; an unchanged file
   * keeps its modification time, so Grafana's file provider does not reload it.
   *
   * @return whether the file was written
   */
  static boolean replace(Path target, byte[] content) throws IOException {
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
      return false;
    }
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, ".meshwatch-", ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }
}
