package io.meshwatch.collector.ingest;

import static io.meshwatch.collector.ingest.Otlp.attr;
import static io.meshwatch.model.SignalContract.ATTR_CHECK;
import static io.meshwatch.model.SignalContract.ATTR_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesKeyTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final PointLabels NOT_NULL = new PointLabels("not_null", true);

  @Test
  void of_pointWithOnlyItsLabels_digestsNothing() {
    SeriesKey key = key(List.of(attr(ATTR_CHECK, "not_null"), attr(ATTR_OUTCOME, "pass")));

    assertThat(key.others()).isSameAs(AttributeDigest.NONE);
    assertThat(key.label()).isEqualTo("not_null");
  }

  @Test
  void of_theSameAttributesInAnotherOrder_isTheSameSeries() {
    SeriesKey one = key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", "a"), attr("region", "eu"), attr("pod", 3)));
    SeriesKey other = key(List.of(attr("pod", 3), attr("region", "eu"), attr(ATTR_CHECK, "not_null"), attr("host", "a")));

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.others()).isNotEqualTo(AttributeDigest.NONE);
  }

  @Test
  void of_anyOtherAttributeThatDiffers_isAnotherSeries() {
    SeriesKey base = key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", "a")));

    assertThat(key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", "b")))).isNotEqualTo(base);
    assertThat(key(List.of(attr(ATTR_CHECK, "not_null"), attr("hosts", "a")))).isNotEqualTo(base);
    assertThat(key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", "a"), attr("pod", "")))).isNotEqualTo(base);
    // The same text as another type, and one value split across two attributes, are other sets.
    assertThat(key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", 1)))).isNotEqualTo(
        key(List.of(attr(ATTR_CHECK, "not_null"), attr("host", "1"))));
    assertThat(key(List.of(attr("a", "bc")))).isNotEqualTo(key(List.of(attr("a", "b"), attr("", "c"))));
  }

  @Test
  void describe_aMegabyteValue_isShownByItsStart() {
    List<KeyValue> attributes = List.of(attr(ATTR_CHECK, "not_null"), attr("run", "x".repeat(1 << 20)));

    String shown = SeriesKey.describe(attributes);

    assertThat(shown).startsWith("{meshwatch.check='not_null', run='xxx").endsWith("… (2 attributes)}");
    assertThat(shown.length()).isLessThan(SeriesKey.SHOWN_CHARS + 40);
    assertThat(SeriesKey.describe(List.of(attr(ATTR_CHECK, "c")))).isEqualTo("{meshwatch.check='c'}");
  }

  private static SeriesKey key(List<KeyValue> attributes) {
    return SeriesKey.of(ORDERS, "pipeline", ContractMetric.QUALITY_CHECKS, NOT_NULL, attributes, 1);
  }
}
