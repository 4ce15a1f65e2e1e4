package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BucketRingTest {

  @Test
  void sum_coversTheSpanEndingAtTheHead() {
    BucketRing ring = new BucketRing(10, 3);
    ring.advanceTo(100);
    ring.add(97, 1, 1);
    ring.add(98, 2, 2);
    ring.add(100, 0, 4);

    assertThat(ring.sum(3)).isEqualTo(new Counts(2, 6));
    assertThat(ring.sum(4)).isEqualTo(new Counts(3, 7));
    assertThat(ring.sum(1)).isEqualTo(new Counts(0, 4));
  }

  @Test
  void advanceTo_removesBucketsLeavingARunningSpan() {
    BucketRing ring = new BucketRing(10, 3);
    ring.advanceTo(100);
    ring.add(98, 1, 1);
    ring.add(100, 1, 2);

    ring.advanceTo(101);
    assertThat(ring.sum(3)).isEqualTo(new Counts(1, 2));
    ring.advanceTo(103);
    assertThat(ring.sum(3)).isEqualTo(Counts.ZERO);
    assertThat(ring.sum(10)).isEqualTo(new Counts(2, 3));
  }

  @Test
  void advanceTo_jumpPastCapacityForgetsEverything() {
    BucketRing ring = new BucketRing(10, 10);
    ring.advanceTo(100);
    ring.add(96, 5, 5);

    ring.advanceTo(105);
    assertThat(ring.sum(10)).isEqualTo(new Counts(5, 5));
    ring.advanceTo(1_000);
    assertThat(ring.sum(10)).isEqualTo(Counts.ZERO);
    assertThat(ring.sum(7)).isEqualTo(Counts.ZERO);
  }

  @Test
  void advanceTo_backwardsIsIgnored() {
    BucketRing ring = new BucketRing(10, 2);
    ring.advanceTo(100);
    ring.add(100, 1, 1);

    ring.advanceTo(50);

    assertThat(ring.head()).isEqualTo(100);
    assertThat(ring.sum(2)).isEqualTo(new Counts(1, 1));
  }

  @Test
  void add_bucketOffTheRingIsRejected() {
    BucketRing ring = new BucketRing(10, 10);
    ring.advanceTo(100);

    assertThat(ring.add(90, 1, 1)).isFalse();
    assertThat(ring.add(91, 1, 1)).isTrue();
    assertThat(ring.sum(10)).isEqualTo(new Counts(1, 1));
  }

  @Test
  void add_aheadOfTheHeadIsAProgrammingError() {
    BucketRing ring = new BucketRing(10);
    ring.advanceTo(100);

    assertThatThrownBy(() -> ring.add(101, 1, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void add_saturatesABucketInsteadOfWrapping() {
    BucketRing ring = new BucketRing(4, 4);
    ring.advanceTo(0);
    ring.add(0, Integer.MAX_VALUE - 1L, Integer.MAX_VALUE - 1L);

    ring.add(0, 10, 10);

    assertThat(ring.sum(4)).isEqualTo(new Counts(Integer.MAX_VALUE, Integer.MAX_VALUE));
    assertThat(ring.sum(3)).isEqualTo(new Counts(Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  @Test
  void constructor_rejectsASpanLongerThanTheRing() {
    assertThatThrownBy(() -> new BucketRing(10, 11)).hasMessageContaining("11");
  }

  /** The running sums must always equal summing the buckets, whatever the order of moves and adds. */
  @Property(tries = 300)
  void sum_runningSpansEqualSummingBuckets(@ForAll("operations") List<Op> operations) {
    int[] spans = {1, 5, 12, 30};
    BucketRing running = new BucketRing(30, spans);
    BucketRing summed = new BucketRing(30);
    long head = 1_000;
    for (Op op : operations) {
      head += op.advance();
      running.advanceTo(head);
      summed.advanceTo(head);
      assertThat(running.add(head - op.age(), op.good(), op.total()))
          .isEqualTo(summed.add(head - op.age(), op.good(), op.total()));
      for (int span : spans) {
        assertThat(running.sum(span)).as("span %d", span).isEqualTo(summed.sum(span));
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op = Combinators.combine(
            Arbitraries.longs().between(0, 40),
            Arbitraries.longs().between(0, 35),
            Arbitraries.longs().between(0, 5),
            Arbitraries.longs().between(0, 5))
        .as((advance, age, good, bad) -> new Op(advance, age, good, good + bad));
    return op.list().ofMaxSize(60);
  }

  record Op(long advance, long age, long good, long total) {}
}
