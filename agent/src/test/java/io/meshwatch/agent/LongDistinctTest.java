package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongDistinctTest {

  @Test
  void distinct_matchesABruteForceSetWhileExact() {
    Random rng = new Random(99);
    for (int trial = 0; trial < 200; trial++) {
      int limit = 1 + rng.nextInt(500);
      int range = 1 + rng.nextInt(600);
      LongDistinct counter = new LongDistinct(limit, 14);
      Set<Long> reference = new HashSet<>();
      int adds = rng.nextInt(2_000);
      for (int i = 0; i < adds; i++) {
        long key = rng.nextInt(range) - range / 2L; // includes 0 and negatives
        counter.add(key);
        reference.add(key);
      }

      assertThat(counter.exact()).as("trial %d", trial).isEqualTo(reference.size() <= limit);
      if (counter.exact()) {
        assertThat(counter.distinct()).as("trial %d", trial).isEqualTo(reference.size());
      } else {
        assertThat(counter.distinct()).as("trial %d", trial).isGreaterThan(limit);
      }
    }
  }

  @Test
  void distinct_switchesToTheSketchOnTheFirstValuePastTheLimit() {
    LongDistinct counter = new LongDistinct(3, 14);
    counter.add(1);
    counter.add(2);
    counter.add(3);
    counter.add(3);
    assertThat(counter.exact()).isTrue();

    counter.add(4);

    assertThat(counter.exact()).isFalse();
    assertThat(counter.distinct()).isEqualTo(4);
  }
}
