package io.meshwatch.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
  @TempDir
  Path dir;

  @Test
  void acquire_secondOpenInTheSameProcessIsRefusedNamingThisPid_andCloseReleases() throws IOException {
    long self = ProcessHandle.current().pid();
    try (DataDirLock lock = DataDirLock.acquire(dir)) {
      assertThat(dir.resolve(DataDirLock.FILE)).hasContent(self + "\n");
      assertThatThrownBy(() -> DataDirLock.acquire(dir))
          .isInstanceOfSatisfying(DataDirLockedException.class, e -> assertThat(e.holderPid()).isEqualTo(self))
          .hasMessageContaining("pid " + self);
    }
    DataDirLock.acquire(dir).close();
  }

  @Test
  void acquire_whileAnotherProcessHoldsItIsRefusedNamingItsPid_untilThatProcessDies() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        LockHolderMain.class.getName(), dir.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LOCKED");

      assertThatThrownBy(() -> DataDirLock.acquire(dir))
          .isInstanceOfSatisfying(DataDirLockedException.class, e -> assertThat(e.holderPid()).isEqualTo(holder.pid()))
          .hasMessageContaining("another process, pid " + holder.pid());
      // Refused twice: the refusal must not have dropped the holder's lock.
      assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirLockedException.class);

      holder.destroyForcibly().waitFor();
      try (DataDirLock lock = DataDirLock.acquire(dir)) {
        assertThat(Files.readString(dir.resolve(DataDirLock.FILE)).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
      }
    } finally {
      holder.destroyForcibly();
    }
  }
}
