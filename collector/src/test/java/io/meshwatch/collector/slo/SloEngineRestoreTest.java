package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.SloEngineStateTest.ORDERS;
import static io.meshwatch.collector.slo.SloEngineStateTest.SILENCE;
import static io.meshwatch.collector.slo.SloEngineStateTest.START;
import static io.meshwatch.collector.slo.SloEngineStateTest.STOCK;
import static io.meshwatch.collector.slo.SloEngineStateTest.USERS;
import static io.meshwatch.collector.slo.SloEngineStateTest.bytes;
import static io.meshwatch.collector.slo.SloEngineStateTest.input;
import static io.meshwatch.collector.slo.SloEngineStateTest.products;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.slo.SloEngineStateTest.SignalStream;
import io.meshwatch.collector.slo.SloEngineStateTest.Step;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Restoring a snapshot isolates each product: one whose saved state cannot be read or applied starts
 * empty (counted, reported) while every other product is restored exactly.
 */
class SloEngineRestoreTest {

  private final TestClock clock = new TestClock(START);
  /** The first 300 before the snapshot, the rest after it. */
  private final List<Step> steps = SignalStream.generate(new Random(21), 400);

  @Test
  void readState_aProductWhoseBlockCannotBeRead_startsEmpty_andTheOthersAreRestored() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    byte[] snapshot = bytes(original);
    // The middle one of three (by id: crm.users, sales.orders, sales.stock): its cadence learner
    // written in a version no collector knows. The block after it must be read as if nothing happened.
    snapshot[cadenceVersionAt(snapshot, ORDERS)] = 42;

    SloEngine restored = registered(new FaultySliStore());
    RestoredState result = restored.readState(input(snapshot));

    assertThat(result.failedProducts()).containsExactly(ORDERS);
    assertThat(result.products()).isEqualTo(2);
    assertRestoredBut(ORDERS, original, restored);
  }

  @Test
  void readState_aProductWhoseStateCannotBeApplied_startsEmpty_andTheOthersAreRestored() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    FaultySliStore store = new FaultySliStore();
    SloEngine restored = registered(store);
    // Its first SLO is restored before the second fails: what was applied of it must go too.
    store.breakSeries(STOCK, "reads");

    RestoredState result = restored.readState(input(bytes(original)));

    assertThat(result.failedProducts()).containsExactly(STOCK);
    store.repair(STOCK, "reads");
    assertRestoredBut(STOCK, original, restored);
    restored.record(new Signal.UsageReads(STOCK, clock.instant(), "finance", 3, 0, Duration.ZERO));
    assertThat(status(restored.evaluate(), STOCK).slos()).filteredOn(slo -> slo.slo().equals("reads")).singleElement()
        .satisfies(reads -> assertThat(reads.totalEvents()).isEqualTo(3));
  }

  @Test
  void readState_version1Snapshot_isRestoredWhole() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    SloEngine restored = registered(new FaultySliStore());

    RestoredState result = restored.readState(input(unblocked(bytes(original))));

    assertThat(result).isEqualTo(new RestoredState(3, 12, List.of(), List.of(), List.of()));
    assertThat(restored.evaluate()).isEqualTo(original.evaluate());
  }

  @Test
  void readState_version1Snapshot_keepsTheProductsBeforeOneThatCannotBeRead() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    byte[] snapshot = bytes(original);
    snapshot[cadenceVersionAt(snapshot, ORDERS)] = 42;

    SloEngine restored = registered(new FaultySliStore());
    RestoredState result = restored.readState(input(unblocked(snapshot)));

    // Written by id: crm.users, sales.orders, sales.stock. Where STOCK starts is unknown once ORDERS fails.
    assertThat(result.products()).isEqualTo(1);
    assertThat(result.failedProducts()).containsExactly(ORDERS, STOCK);
    List<ProductStatus> now = restored.evaluate();
    assertThat(status(now, USERS)).isEqualTo(status(original.evaluate(), USERS));
    assertThat(status(now, STOCK).lastSeen()).isNull();
    assertThat(restored.faults()).filteredOn(f -> f.failedRestores() > 0).extracting(FaultCounts::product)
        .containsExactlyInAnyOrder(ORDERS, STOCK);
  }

  @Test
  void readState_aBlockWhoseProductIdCannotBeRead_countsTheProductWhoseStateLiesThere() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    byte[] snapshot = bytes(original);
    // "Sales.orders" is no product id; by the order blocks are written in it lies where sales.orders would.
    snapshot[blockAt(snapshot, ORDERS) + 6] = 'S';

    SloEngine restored = registered(new FaultySliStore());
    RestoredState result = restored.readState(input(snapshot));

    assertThat(result.failedProducts()).containsExactly(ORDERS);
    assertRestoredBut(ORDERS, original, restored);
  }

  @Test
  void readState_aProductSavedTwice_isRestoredFromTheCopyThatCanBeRead_andNotCountedAsFailed() throws IOException {
    SloEngine original = fed(new FaultySliStore());
    byte[] snapshot = bytes(original);
    int users = blockAt(snapshot, USERS);
    int length = 4 + ByteBuffer.wrap(snapshot).getInt(users);
    ByteArrayOutputStream twice = new ByteArrayOutputStream();
    twice.writeBytes(ByteBuffer.allocate(12).putInt(EngineSnapshot.MAGIC).putInt(EngineSnapshot.VERSION).putInt(4).array());
    twice.write(snapshot, users, length);
    twice.write(snapshot, users, snapshot.length - users);

    SloEngine restored = registered(new FaultySliStore());
    RestoredState result = restored.readState(input(twice.toByteArray()));

    assertThat(result).isEqualTo(new RestoredState(3, 12, List.of(), List.of(), List.of()));
    assertThat(restored.faults()).allSatisfy(faults -> assertThat(faults.failedRestores()).isZero());
    assertThat(restored.evaluate()).isEqualTo(original.evaluate());
  }

  @Test
  void writeState_aProductTooLargeToSave_isSavedAsItsIdAlone_soTheSnapshotStillStartsTheOthers() throws IOException {
    FaultySliStore store = new FaultySliStore();
    SloEngine original = fed(store);
    byte[] whole = bytes(original);
    ProductId largest = List.of(USERS, ORDERS, STOCK).stream()
        .max(Comparator.comparingInt(id -> ByteBuffer.wrap(whole).getInt(blockAt(whole, id)))).orElseThrow();
    int limit = ByteBuffer.wrap(whole).getInt(blockAt(whole, largest)) - 1;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EngineSnapshot.write(List.of(original.track(USERS), original.track(ORDERS), original.track(STOCK)), store,
        new DataOutputStream(bytes), limit);

    SloEngine restored = registered(new FaultySliStore());
    RestoredState result = restored.readState(input(bytes.toByteArray()));

    assertThat(result.failedProducts()).containsExactly(largest);
    assertRestoredBut(largest, original, restored);
  }

  /** Every product but {@code empty} evaluates as in {@code original}, then and after the same signals; {@code empty} as registered. */
  private void assertRestoredBut(ProductId empty, SloEngine original, SloEngine restored) {
    List<ProductStatus> before = original.evaluate();
    List<ProductStatus> after = restored.evaluate();
    for (ProductId id : List.of(ORDERS, STOCK, USERS)) {
      if (!id.equals(empty)) {
        assertThat(status(after, id)).as(id.toString()).isEqualTo(status(before, id));
      }
    }
    ProductStatus startedEmpty = status(after, empty);
    assertThat(startedEmpty.lastSeen()).isNull();
    assertThat(startedEmpty.dataTime()).isNull();
    assertThat(startedEmpty.slos()).allSatisfy(slo -> assertThat(slo.totalEvents()).isZero());
    assertThat(restored.faults()).filteredOn(f -> f.product().equals(empty)).singleElement()
        .satisfies(f -> assertThat(f.failedRestores()).isEqualTo(1));
    for (Step step : steps.subList(300, steps.size())) {
      clock.set(step.receivedAt());
      if (!step.signal().product().equals(empty)) {
        original.record(step.signal(), step.receivedAt());
        restored.record(step.signal(), step.receivedAt());
      }
    }
    List<ProductStatus> end = original.evaluate();
    for (ProductId id : List.of(ORDERS, STOCK, USERS)) {
      if (!id.equals(empty)) {
        assertThat(status(restored.evaluate(), id)).as(id + " later").isEqualTo(status(end, id));
      }
    }
  }

  private SloEngine fed(SliStore store) {
    SloEngine engine = registered(store);
    for (Step step : steps.subList(0, 300)) {
      clock.set(step.receivedAt());
      engine.record(step.signal(), step.receivedAt());
    }
    return engine;
  }

  private SloEngine registered(SliStore store) {
    SloEngine engine = new SloEngine(clock, SILENCE, store);
    products().forEach(engine::register);
    return engine;
  }

  private static ProductStatus status(List<ProductStatus> statuses, ProductId product) {
    return statuses.stream().filter(s -> s.product().equals(product)).findFirst().orElseThrow();
  }

  /** Where the version byte of {@code product}'s first cadence learner lies in a version 2 snapshot. */
  private static int cadenceVersionAt(byte[] snapshot, ProductId product) {
    int at = blockAt(snapshot, product);
    int p = at + 6 + ByteBuffer.wrap(snapshot).getShort(at + 4);
    for (int instant = 0; instant < 3; instant++) {
      p += snapshot[p] == 1 ? 13 : 1;
    }
    assertThat(ByteBuffer.wrap(snapshot).getInt(p)).as("cadence learners of " + product).isPositive();
    return p + 4;
  }

  /** Where {@code product}'s block (its length, then its id) starts in a version 2 snapshot. */
  private static int blockAt(byte[] snapshot, ProductId product) {
    ByteBuffer buffer = ByteBuffer.wrap(snapshot);
    int at = 12;
    while (true) {
      int idLength = buffer.getShort(at + 4);
      if (new String(snapshot, at + 6, idLength, StandardCharsets.UTF_8).equals(product.toString())) {
        return at;
      }
      at += 4 + buffer.getInt(at);
    }
  }

  /** The same snapshot in version 1: no block lengths. */
  private static byte[] unblocked(byte[] snapshot) {
    ByteBuffer in = ByteBuffer.wrap(snapshot);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(12).putInt(in.getInt(0)).putInt(EngineSnapshot.UNBLOCKED).putInt(in.getInt(8)).array());
    int count = in.getInt(8);
    int at = 12;
    for (int i = 0; i < count; i++) {
      int length = in.getInt(at);
      out.write(snapshot, at + 4, length);
      at += 4 + length;
    }
    out.write(snapshot, at, snapshot.length - at);
    return out.toByteArray();
  }
}
