package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void parse_plainBytesAndBinaryUnits() {
    assertThat(ByteSize.parse("1000")).isEqualTo(1000);
    assertThat(ByteSize.parse("10B")).isEqualTo(10);
    assertThat(ByteSize.parse("512KiB")).isEqualTo(512 * 1024);
    assertThat(ByteSize.parse("4MiB")).isEqualTo(4 * 1024 * 1024);
    assertThat(ByteSize.parse("2 GiB")).isEqualTo(2L << 30);
  }

  @Test
  void parse_rejectsAmbiguousOrMalformedSizes() {
    for (String bad : new String[] {"4MB", "4mib", "-1", "1.5MiB", "lots"}) {
      assertThatThrownBy(() -> ByteSize.parse(bad)).as(bad)
          .hasMessage("must be a size such as 4MiB, 512KiB or 1048576 (bytes), got '" + bad + "'");
    }
    assertThatThrownBy(() -> ByteSize.parse("9999999999999GiB")).hasMessageContaining("too large");
  }
}
