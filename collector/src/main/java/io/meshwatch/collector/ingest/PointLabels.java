package io.meshwatch.collector.ingest;

import static io.meshwatch.model.SignalContract.*;

import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.OtlpBounds;
import io.meshwatch.collector.guard.Violation;
import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The point attributes a contract metric is split by, read and checked: {@code key} is the check or
 * consumer the point is about (empty when the metric has none), {@code good} says pass/success/succeeded.
 */
record PointLabels(String key, boolean good) {

  private static final PointLabels NONE = new PointLabels("", true);

  /** The labels of a point of {@code metric}, or {@code null} after telling {@code problem} what is wrong. */
  static @Nullable PointLabels read(ContractMetric metric, Map<String, AnyValue> attributes, Consumer<String> problem) {
    return switch (metric) {
      case QUALITY_CHECKS -> keyAndOutcome(attributes, ATTR_CHECK, ATTR_OUTCOME, OUTCOME_PASS, OUTCOME_FAIL, problem);
      case QUALITY_ROWS_CHECKED, QUALITY_ROWS_FAILED -> keyOnly(attributes, ATTR_CHECK, problem);
      case USAGE_READS -> keyAndOutcome(attributes, ATTR_CONSUMER, ATTR_OUTCOME, OUTCOME_SUCCESS, OUTCOME_FAILURE, problem);
      case USAGE_READ_DURATION -> keyOnly(attributes, ATTR_CONSUMER, problem);
      case RUNS -> {
        Boolean good = outcome(attributes, ATTR_RUN_STATUS, RUN_SUCCEEDED, RUN_FAILED, problem);
        yield good == null ? null : new PointLabels("", good);
      }
      case FRESHNESS_DATA_TIME, VOLUME_ROWS, RUN_DURATION, AGENT_HEARTBEAT -> NONE;
    };
  }

  /** Whether {@link #read} reads {@code attribute} for {@code metric}: the labels stand for it in a series' key. */
  static boolean reads(ContractMetric metric, String attribute) {
    return switch (metric) {
      case QUALITY_CHECKS -> attribute.equals(ATTR_CHECK) || attribute.equals(ATTR_OUTCOME);
      case QUALITY_ROWS_CHECKED, QUALITY_ROWS_FAILED -> attribute.equals(ATTR_CHECK);
      case USAGE_READS -> attribute.equals(ATTR_CONSUMER) || attribute.equals(ATTR_OUTCOME);
      case USAGE_READ_DURATION -> attribute.equals(ATTR_CONSUMER);
      case RUNS -> attribute.equals(ATTR_RUN_STATUS);
      case FRESHNESS_DATA_TIME, VOLUME_ROWS, RUN_DURATION, AGENT_HEARTBEAT -> false;
    };
  }

  private static @Nullable PointLabels keyOnly(Map<String, AnyValue> attributes, String keyAttribute, Consumer<String> problem) {
    String key = key(attributes, keyAttribute, problem);
    return key == null ? null : new PointLabels(key, true);
  }

  private static @Nullable PointLabels keyAndOutcome(Map<String, AnyValue> attributes, String keyAttribute,
      String outcomeAttribute, String goodValue, String badValue, Consumer<String> problem) {
    String key = key(attributes, keyAttribute, problem);
    if (key == null) {
      return null;
    }
    Boolean good = outcome(attributes, outcomeAttribute, goodValue, badValue, problem);
    return good == null ? null : new PointLabels(key, good);
  }

  private static @Nullable Boolean outcome(Map<String, AnyValue> attributes, String attribute,
      String goodValue, String badValue, Consumer<String> problem) {
    String value = string(attributes, attribute, problem);
    if (value == null) {
      return null;
    }
    Violation unknown = new Bound.Choice(List.of(goodValue, badValue)).check(value);
    if (unknown == null) {
      return value.equals(goodValue);
    }
    problem.accept(attribute + " " + unknown.message());
    return null;
  }

  /** The check or consumer a point is about: it becomes a label value, so it is a short name. */
  private static @Nullable String key(Map<String, AnyValue> attributes, String attribute, Consumer<String> problem) {
    String key = string(attributes, attribute, problem);
    Violation tooLong = key == null ? null : OtlpBounds.KEY.check(key);
    if (tooLong != null) {
      problem.accept(attribute + " " + tooLong.message());
      return null;
    }
    return key;
  }

  private static @Nullable String string(Map<String, AnyValue> attributes, String attribute, Consumer<String> problem) {
    AnyValue value = attributes.get(attribute);
    if (value == null) {
      problem.accept("point has no " + attribute + " attribute");
      return null;
    }
    if (value.getValueCase() != AnyValue.ValueCase.STRING_VALUE || value.getStringValue().isBlank()) {
      problem.accept(attribute + " must be a non-blank string, got " + AttributeText.of(value));
      return null;
    }
    return value.getStringValue();
  }
}
