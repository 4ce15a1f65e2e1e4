package io.meshwatch.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirFormatTest {
  @TempDir
  Path dir;

  @Test
  void check_aDirWithoutMarkerIsOfTheUnmarkedFormat() throws IOException {
    assertThat(DataDirFormat.check(dir, 2, 1)).isEqualTo(1);
  }

  @Test
  void write_thenCheckReadsTheVersion() throws IOException {
    DataDirFormat.write(dir, 2);
    assertThat(dir.resolve(DataDirFormat.FILE)).hasContent("meshwatch data dir format 2\n");
    assertThat(DataDirFormat.check(dir, 2, 1)).isEqualTo(2);
  }

  @Test
  void check_aNewerFormatIsRefusedNamingBothVersions() throws IOException {
    DataDirFormat.write(dir, 3);
    assertThatThrownBy(() -> DataDirFormat.check(dir, 2, 1))
        .isInstanceOfSatisfying(UnsupportedFormatException.class, e -> {
          assertThat(e.found()).isEqualTo(3);
          assertThat(e.supported()).isEqualTo(2);
        })
        .hasMessageContaining("has format 3").hasMessageContaining("reads formats up to 2");
  }

  @Test
  void check_aMarkerThatSaysNoVersionIsReportedWithWhatItSays() throws IOException {
    Files.writeString(dir.resolve(DataDirFormat.FILE), "hello");
    assertThatThrownBy(() -> DataDirFormat.check(dir, 2, 1)).hasMessageContaining("it says 'hello'");
  }
}
