package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchProfileTest {

  @Test
  void new_columnWithADifferentRowCountIsRejected() {
    assertThatThrownBy(() -> new BatchProfile(10, List.of(new ColumnProfile("a", 9, 0, 1, true, null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' has 9 rows, the batch 10");
  }

  @Test
  void new_duplicateColumnIsRejected() {
    ColumnProfile a = new ColumnProfile("a", 1, 0, 1, true, null);
    assertThatThrownBy(() -> new BatchProfile(1, List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
  }

  @Test
  void column_findsByName() {
    ColumnProfile a = new ColumnProfile("a", 1, 0, 1, true, null);

    BatchProfile profile = new BatchProfile(1, List.of(a));

    assertThat(profile.column("a")).contains(a);
    assertThat(profile.column("b")).isEmpty();
  }

  @Test
  void columnProfile_nullsAboveRowsAreRejected() {
    assertThatThrownBy(() -> new ColumnProfile("a", 1, 2, 0, true, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nulls (2) exceed rows (1)");
  }
}
