package io.meshwatch.collector.ingest;

import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PointLabelsTest {

  private static final List<String> ATTRIBUTES = List.of(ATTR_CHECK, ATTR_CONSUMER, ATTR_OUTCOME, ATTR_RUN_STATUS, "host");

  @Test
  void reads_isTrueForExactlyTheAttributesReadLooksUp() {
    for (ContractMetric metric : ContractMetric.values()) {
      Set<Object> looked = new HashSet<>();
      Map<String, AnyValue> recording = new AbstractMap<>() {
        @Override
        public AnyValue get(Object key) {
          looked.add(key);
          return AnyValue.newBuilder().setStringValue(goodValue(metric, (String) key)).build();
        }

        @Override
        public Set<Entry<String, AnyValue>> entrySet() {
          throw new UnsupportedOperationException("read looks attributes up by name");
        }
      };

      PointLabels labels = PointLabels.read(metric, recording, problem -> { throw new AssertionError(metric + ": " + problem); });

      assertThat(labels).as(metric.name()).isNotNull();
      assertThat(ATTRIBUTES).allSatisfy(attribute ->
          assertThat(PointLabels.reads(metric, attribute)).as(metric + " reads " + attribute).isEqualTo(looked.contains(attribute)));
    }
  }

  private static String goodValue(ContractMetric metric, String attribute) {
    return switch (attribute) {
      case ATTR_OUTCOME -> metric == ContractMetric.USAGE_READS ? OUTCOME_SUCCESS : OUTCOME_PASS;
      case ATTR_RUN_STATUS -> RUN_SUCCEEDED;
      default -> "a-name";
    };
  }
}
