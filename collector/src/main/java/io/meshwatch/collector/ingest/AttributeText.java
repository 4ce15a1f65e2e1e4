package io.meshwatch.collector.ingest;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OTLP attribute values as text, for messages. */
final class AttributeText {

  private AttributeText() {}

  /** {@code 'orders'} for strings, the protobuf text form (e.g. {@code int_value: 3}) for anything else. */
  static String of(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> "'" + value.getStringValue() + "'";
      case VALUE_NOT_SET -> "no value";
      default -> value.toString().strip().replace('\n', ' ');
    };
  }

  static Map<String, AnyValue> map(List<KeyValue> attributes) {
    Map<String, AnyValue> map = new HashMap<>();
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), kv.getValue());
    }
    return map;
  }
}
