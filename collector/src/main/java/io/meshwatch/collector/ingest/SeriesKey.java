package io.meshwatch.collector.ingest;

import io.meshwatch.model.ProductId;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * One cumulative series as its reporter sees it, kept small whatever its points carry: its metric,
 * the labels the contract reads from its attributes ({@link PointLabels}: the check or consumer and
 * the outcome) and every other attribute only as a digest ({@link AttributeDigest}). The start time
 * is part of the key so that two replicas of a pipeline reporting the same series (each with its own
 * start) are told apart; a reporter that restarts starts a new series, and the old one ages out.
 */
record SeriesKey(ProductId product, String service, ContractMetric metric, String label, boolean good,
    AttributeDigest others, long startTimeUnixNano) {

  /** The most of a series' attributes a message shows. */
  static final int SHOWN_CHARS = 256;

  /** The key of a point of {@code metric} with {@code attributes}, whose labels read as {@code labels}. */
  static SeriesKey of(ProductId product, String service, ContractMetric metric, PointLabels labels,
      List<KeyValue> attributes, long startTimeUnixNano) {
    return new SeriesKey(product, service, metric, labels.key(), labels.good(), AttributeDigest.of(attributes, metric),
        startTimeUnixNano);
  }

  /** {@code attributes} as text for a message, cut after {@value #SHOWN_CHARS} characters. */
  static String describe(List<KeyValue> attributes) {
    StringBuilder text = new StringBuilder("{");
    for (KeyValue attribute : attributes) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(attribute.getKey(), 0, Math.min(attribute.getKey().length(), SHOWN_CHARS)).append('=');
      AnyValue value = attribute.getValue();
      // A string's start only: the whole text of a long one is never built.
      String shown = value.getValueCase() == AnyValue.ValueCase.STRING_VALUE
          ? "'" + value.getStringValue().substring(0, Math.min(value.getStringValue().length(), SHOWN_CHARS)) + "'"
          : AttributeText.of(value);
      text.append(shown);
      if (text.length() > SHOWN_CHARS) {
        return text.substring(0, SHOWN_CHARS) + "… (" + attributes.size() + " attributes)}";
      }
    }
    return text.append('}').toString();
  }
}
