package io.meshwatch.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class SignalCodecTest {

  @Property(tries = 1000)
  void decode_returnsTheEncodedEntry(@ForAll("entries") JournalEntry entry) {
    assertThat(roundTrip(List.of(entry))).containsExactly(entry);
  }

  @Property(tries = 200)
  void decode_readsABatchBackInOrder(@ForAll("batches") List<JournalEntry> batch) {
    assertThat(roundTrip(batch)).containsExactlyElementsOf(batch);
  }

  @Test
  void encode_coversEverySignalType() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    ProductId product = new ProductId("sales", "orders");
    List<JournalEntry> examples = List.of(
        new JournalEntry(new Signal.FreshnessUpdate(product, now, now.minusSeconds(90)), now),
        new JournalEntry(new Signal.QualityOutcome(product, now, "not_null", 3, 1, 100, 7), now),
        new JournalEntry(new Signal.VolumeWritten(product, now, 2, 1234.5), now),
        new JournalEntry(new Signal.UsageReads(product, now, "finance.ledger", 9, 1, Duration.ofMillis(420)), now),
        new JournalEntry(new Signal.RunsCompleted(product, now, 4, 1, Duration.ofMinutes(12)), now),
        new JournalEntry(new Signal.Heartbeat(product, now), now));

    Set<Class<?>> encoded = new HashSet<>();
    examples.forEach(e -> encoded.add(e.signal().getClass()));
    assertThat(encoded).containsExactlyInAnyOrderElementsOf(Arrays.asList(Signal.class.getPermittedSubclasses()));
    assertThat(roundTrip(examples)).containsExactlyElementsOf(examples);
  }

  @Test
  void encode_extremeValuesRoundTrip() {
    ProductId product = new ProductId("a", "b");
    List<JournalEntry> extremes = List.of(
        new JournalEntry(new Signal.FreshnessUpdate(product, Instant.MIN, Instant.MAX), Instant.MAX),
        new JournalEntry(new Signal.Heartbeat(product, Instant.MAX), Instant.MIN),
        new JournalEntry(new Signal.QualityOutcome(product, Instant.EPOCH, "\uD800 lone \uDFFF ü 𝄞",
            Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), Instant.EPOCH),
        new JournalEntry(new Signal.VolumeWritten(product, Instant.EPOCH, 0, -0.0), Instant.EPOCH),
        new JournalEntry(new Signal.VolumeWritten(product, Instant.EPOCH, 1, Double.MAX_VALUE), Instant.EPOCH),
        new JournalEntry(new Signal.RunsCompleted(product, Instant.EPOCH, 0, 0,
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)), Instant.EPOCH));

    List<JournalEntry> decoded = roundTrip(extremes);

    assertThat(decoded).containsExactlyElementsOf(extremes);
    assertThat(Double.doubleToRawLongBits(((Signal.VolumeWritten) decoded.get(3).signal()).rows()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void encode_typicalEntryIsCompact() {
    Instant now = Instant.parse("2026-11-25T10:00:00.123Z");
    JournalEntry entry = new JournalEntry(
        new Signal.QualityOutcome(new ProductId("sales", "orders"), now.minusSeconds(2), "not_null", 1, 0, 500, 0),
        now);
    RecordBuffer buffer = new RecordBuffer();

    SignalCodec.encode(entry, buffer);

    assertThat(buffer.size()).isLessThan(45);
  }

  @Test
  void decode_unknownTagIsRejected() {
    RecordBuffer buffer = new RecordBuffer();
    SignalCodec.encode(TestEntries.entry("w", 6), buffer);
    ByteBuffer bytes = buffer.view();
    bytes.put(0, (byte) 99);

    assertThatThrownBy(() -> SignalCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown signal tag 99");
  }

  @Test
  void tags_areTheOnesDocumented() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "PERSISTENCE.md");
    String tags = SignalCodec.FRESHNESS + " freshness, " + SignalCodec.QUALITY + " quality, "
        + SignalCodec.VOLUME + " volume, " + SignalCodec.USAGE + " usage, " + SignalCodec.RUNS + " runs, "
        + SignalCodec.HEARTBEAT + " heartbeat";

    assertThat(Files.readString(doc)).contains("| tag | " + tags + " (never renumbered) |");
  }

  private static List<JournalEntry> roundTrip(List<JournalEntry> entries) {
    RecordBuffer buffer = new RecordBuffer();
    entries.forEach(e -> SignalCodec.encode(e, buffer));
    ByteBuffer bytes = buffer.view();
    List<JournalEntry> decoded = new ArrayList<>();
    while (bytes.hasRemaining()) {
      decoded.add(SignalCodec.decode(bytes));
    }
    return decoded;
  }

  @Provide
  Arbitrary<List<JournalEntry>> batches() {
    return entries().list().ofMaxSize(50);
  }

  @Provide
  Arbitrary<JournalEntry> entries() {
    Arbitrary<Signal> signals = Arbitraries.oneOf(
        Combinators.combine(products(), instants(), instants()).as(Signal.FreshnessUpdate::new),
        quality(),
        Combinators.combine(products(), instants(), counts(), rows()).as(Signal.VolumeWritten::new),
        Combinators.combine(products(), instants(), names(), counts(), counts(), durations())
            .as(Signal.UsageReads::new),
        Combinators.combine(products(), instants(), counts(), counts(), durations()).as(Signal.RunsCompleted::new),
        Combinators.combine(products(), instants()).as(Signal.Heartbeat::new));
    return Combinators.combine(signals, instants()).as(JournalEntry::new);
  }

  private static Arbitrary<Signal> quality() {
    return Combinators.combine(products(), instants(), names(), counts(), counts(), counts())
        .flatAs((product, at, check, passed, failed, rowsChecked) ->
            Arbitraries.longs().between(0, rowsChecked).map(rowsFailed ->
                new Signal.QualityOutcome(product, at, check, passed, failed, rowsChecked, rowsFailed)));
  }

  private static Arbitrary<ProductId> products() {
    Arbitrary<String> part = Combinators.combine(
            Arbitraries.chars().range('a', 'z'),
            Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-').ofMaxLength(62))
        .as((first, rest) -> first + rest);
    return Combinators.combine(part, part).as(ProductId::new);
  }

  private static Arbitrary<Instant> instants() {
    Arbitrary<Instant> any = Combinators.combine(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<Instant> recent = Arbitraries.longs().between(1_700_000_000_000L, 1_900_000_000_000L)
        .map(Instant::ofEpochMilli);
    return Arbitraries.frequencyOf(Tuple.of(1, any), Tuple.of(3, recent));
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank());
  }

  private static Arbitrary<Long> counts() {
    return Arbitraries.longs().greaterOrEqual(0);
  }

  private static Arbitrary<Double> rows() {
    return Arbitraries.longs().map(bits -> Double.longBitsToDouble(bits & Long.MAX_VALUE))
        .filter(Double::isFinite);
  }

  private static Arbitrary<Duration> durations() {
    return Combinators.combine(Arbitraries.longs().greaterOrEqual(0), Arbitraries.integers().between(0, 999_999_999))
        .as(Duration::ofSeconds);
  }
}
