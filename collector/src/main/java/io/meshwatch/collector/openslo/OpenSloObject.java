package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.ScalarResolver;
import io.meshwatch.collector.descriptor.Suggestion;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.collector.guard.OpenSloBounds;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One OpenSLO object, a document of its own or inlined in another: its kind, {@code metadata} and
 * {@code spec}, where it was written and the problems of its source.
 */
record OpenSloObject(String kind, String name, YamlMap metadata, @Nullable YamlMap spec, int line) {

  static final String API_VERSION = "openslo/v1";
  static final String PRODUCT_KEY = "meshwatch.io/product";
  static final List<String> KINDS = OpenSloBounds.KINDS;
  private static final List<String> FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
  private static final List<String> INLINE_FIELDS = List.of("kind", "metadata", "spec");
  private static final List<String> METADATA = List.of("name", "displayName", "labels", "annotations");

  Problems problems() {
    return metadata.problems();
  }

  String source() {
    return problems().source();
  }

  /** The object a whole document holds, or {@code null} after recording why it is not one. */
  static @Nullable OpenSloObject document(Node document, Problems problems) {
    YamlMap map = YamlMap.of(document, "", problems, ScalarResolver.VERBATIM, OpenSloBounds.TABLE);
    if (map == null) {
      return null;
    }
    map.allowOnly(FIELDS);
    String apiVersion = map.requiredString("apiVersion");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      problems.error(map.line("apiVersion"), "apiVersion",
          "'" + apiVersion + "' is not supported; meshwatch reads " + API_VERSION);
      return null;
    }
    String kind = map.value("kind", true, "an OpenSLO kind", OpenSloObject::kind);
    return kind == null ? null : read(map.rebased(kind), kind);
  }

  /**
   * The object inlined at {@code map}, which must be of {@code kind} (its own {@code kind} field, when
   * written, must say so), or {@code null} after recording why it is not one.
   */
  static @Nullable OpenSloObject inline(YamlMap map, String kind) {
    YamlMap object = map.rebased(kind);
    object.allowOnly(INLINE_FIELDS);
    String written = object.string("kind");
    if (written != null && !written.equals(kind)) {
      object.problems().error(object.line("kind"), object.field("kind"), "an inlined object here must be a " + kind
          + ", got '" + written + "'");
      return null;
    }
    return read(object, kind);
  }

  private static @Nullable OpenSloObject read(YamlMap map, String kind) {
    YamlMap metadata = map.map("metadata");
    if (metadata == null) {
      if (!map.has("metadata")) {
        map.problems().error(map.line(), map.field("metadata"), "is required, with at least a name");
      }
      return null;
    }
    metadata.allowOnly(METADATA);
    String name = metadata.requiredString("name");
    YamlMap spec = map.map("spec");
    if (spec == null && !kind.equals("Service")) {
      map.problems().error(map.line("spec"), map.field("spec"), "is required for a " + kind);
      return null;
    }
    return name == null ? null : new OpenSloObject(kind, name, metadata, spec, map.line());
  }

  /** The product named by the label or annotation {@code meshwatch.io/product}, if either is given. */
  @Nullable String productAnnotation() {
    for (String key : List.of("annotations", "labels")) {
      YamlMap values = metadata.map(key);
      Node value = values == null ? null : values.node(PRODUCT_KEY);
      if (value instanceof SequenceNode list && list.getValue().size() == 1) {
        value = list.getValue().get(0);
      }
      if (value instanceof ScalarNode) {
        return values.value(value, values.field(PRODUCT_KEY), "a product id", text -> text);
      }
      if (value != null) {
        problems().error(value, values.field(PRODUCT_KEY), "must be one product id such as sales.orders, got " + YamlMap.describe(value));
      }
    }
    return null;
  }

  private static String kind(String text) {
    if (KINDS.contains(text)) {
      return text;
    }
    String hint = Suggestion.closest(text, KINDS).map(k -> " (did you mean '" + k + "'?)").orElse("");
    throw new IllegalArgumentException(
        "unknown OpenSLO v1 kind '" + text + "'" + hint + "; expected one of " + String.join(", ", KINDS));
  }
}
