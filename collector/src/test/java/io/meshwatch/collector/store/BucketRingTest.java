package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  @Test
  void accumulate_sumsTheRangeStillOnTheRingAcrossTheWrap() {
    BucketRing ring = new BucketRing(10);
    ring.advanceTo(108);
    ring.add(99, 1, 1);   // slot 9
    ring.add(100, 0, 2);  // slot 0
    ring.add(108, 1, 1);
    long[] sums = new long[2];

    ring.accumulate(90, 100, sums);
    assertThat(sums).containsExactly(1, 3);
    ring.accumulate(101, 200, sums);
    assertThat(sums).containsExactly(2, 4);
    ring.accumulate(105, 104, sums);
    assertThat(sums).containsExactly(2, 4);
  }

  @Test
  void accumulate_beforeTheFirstEventAddsNothing() {
    BucketRing ring = new BucketRing(10);
    ring.advanceTo(5);
    long[] sums = {3, 4};

    ring.accumulate(0, 5, sums);

    assertThat(sums).containsExactly(3, 4);
  }

  @Test
  void goodAndTotal_areZeroOffTheRing() {
    BucketRing ring = new BucketRing(10);
    ring.advanceTo(100);
    ring.add(95, 1, 3);

    assertThat(ring.good(95)).isEqualTo(1);
    assertThat(ring.total(95)).isEqualTo(3);
    assertThat(ring.total(85)).isZero();
    assertThat(ring.total(105)).isZero();
    assertThat(ring.oldest()).isEqualTo(91);
  }

  @Test
  void readBuckets_restoresBucketsAndRunningSums() throws IOException {
    BucketRing written = new BucketRing(10, 3, 10);
    written.advanceTo(100);
    written.add(92, 1, 1);
    written.add(99, 2, 5);
    written.add(100, Integer.MAX_VALUE, Integer.MAX_VALUE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    written.writeTo(new DataOutputStream(bytes));

    BucketRing read = new BucketRing(10, 3, 10);
    read.advanceTo(100);
    read.readBuckets(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(read.sum(3)).isEqualTo(written.sum(3));
    assertThat(read.sum(10)).isEqualTo(written.sum(10));
    read.advanceTo(101);
    written.advanceTo(101);
    assertThat(read.sum(10)).isEqualTo(written.sum(10)).isEqualTo(new Counts(3 + (long) Integer.MAX_VALUE, 6 + (long) Integer.MAX_VALUE));
  }

  @Test
  void readBuckets_rejectsAnotherHead() throws IOException {
    BucketRing written = new BucketRing(10);
    written.advanceTo(100);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    written.writeTo(new DataOutputStream(bytes));
    BucketRing read = new BucketRing(10);
    read.advanceTo(101);

    assertThatThrownBy(() -> read.readBuckets(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isInstanceOf(IOException.class).hasMessageContaining("head 100");
  }

  @Test
  void footprintBytes_countsTheBucketsOnceAllocated() {
    BucketRing ring = new BucketRing(1000, 10);
    ring.advanceTo(5);
    long empty = ring.footprintBytes();

    ring.add(5, 1, 1);

    assertThat(ring.footprintBytes() - empty).isEqualTo(2 * (16 + 4000));
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
