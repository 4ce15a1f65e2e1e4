package io.meshwatch.collector.descriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Every accessor records what is wrong (wrong type, missing,
 * unparsable) in {@link Problems} with the field's path and line, and returns {@code null} or an empty
 * list instead of throwing, so the caller reads on and all problems surface at once.
 *
 * <pre>{@code
 * YamlMap slo = YamlMap.of(node, "slos[0]", problems, ScalarResolver.VERBATIM);
 * slo.allowOnly(List.of("name", "sli", "threshold", "objective", "window"));
 * Duration window = slo.value("window", true, "a duration", DurationText::parse);
 * }</pre>
 */
public final class YamlMap {

  private final MappingNode node;
  private final String path;
  private final Problems problems;
  private final ScalarResolver resolver;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(MappingNode node, String path, Problems problems, ScalarResolver resolver) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.resolver = resolver;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.error(tuple.getKeyNode(), path, "field names must be plain text, got " + describe(tuple.getKeyNode()));
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
      if (first != null) {
        problems.error(key, field(key.getValue()), "is set twice (first on line " + Problems.line(first.getKeyNode()) + ")");
      }
    }
  }

  /** {@code node} as a map at {@code path}, or {@code null} after recording that it is not one. */
  public static @Nullable YamlMap of(Node node, String path, Problems problems, ScalarResolver resolver) {
    if (node instanceof MappingNode mapping) {
      return new YamlMap(mapping, path, problems, resolver);
    }
    problems.error(node, path, "must be a map of fields, got " + describe(node));
    return null;
  }

  /** Records every field not in {@code known}, suggesting the known name it was probably meant to be. */
  public YamlMap allowOnly(Collection<String> known) {
    entries.forEach((key, tuple) -> {
      if (!known.contains(key)) {
        String hint = Suggestion.closest(key, known)
            .map(name -> " (did you mean '" + name + "'?)")
            .orElse("; known fields: " + String.join(", ", known));
        problems.error(tuple.getKeyNode(), field(key), "unknown field" + hint);
      }
    });
    return this;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public @Nullable Node node(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** The line of this map's first field. */
  public int line() {
    return Problems.line(node);
  }

  /** The line {@code key} is on, or this map's line when it is absent. */
  public int line(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? line() : Problems.line(tuple.getKeyNode());
  }

  /** The path of {@code key} in this map, e.g. {@code slos[0].window}. */
  public String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public String path() {
    return path;
  }

  public Problems problems() {
    return problems;
  }

  /** Optional text; {@code null} when absent, empty or not text. */
  public @Nullable String string(String key) {
    return value(key, false, "text", Function.identity());
  }

  /** Required, non-blank text. */
  public @Nullable String requiredString(String key) {
    String text = value(key, true, "text", Function.identity());
    if (text != null && text.isBlank()) {
      problems.error(line(key), field(key), "must not be blank");
      return null;
    }
    return text;
  }

  /**
   * The value of {@code key} converted by {@code parse}; an {@link IllegalArgumentException} from
   * {@code parse} is recorded with its message.
   *
   * @param expected what the value should be, for messages, e.g. {@code "a duration"}
   */
  public <T> @Nullable T value(String key, boolean required, String expected, Function<String, T> parse) {
    Node value = node(key);
    if (value == null || isNull(value)) {
      if (required) {
        problems.error(line(key), field(key), has(key) ? "is required but empty" : "is required");
      }
      return null;
    }
    return value(value, field(key), expected, parse);
  }

  /** Like {@link #value(String, boolean, String, Function)} for a node found elsewhere, e.g. a list item. */
  public <T> @Nullable T value(Node value, String field, String expected, Function<String, T> parse) {
    if (!(value instanceof ScalarNode scalar)) {
      problems.error(value, field, "must be " + expected + ", got " + describe(value));
      return null;
    }
    if (isNull(scalar)) {
      problems.error(scalar, field, "must be " + expected + ", got nothing");
      return null;
    }
    String text = resolver.resolve(scalar.getValue(), Problems.line(scalar), field, problems);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      problems.error(scalar, field, e.getMessage());
      return null;
    }
  }

  /** The items of a list; empty when absent, empty, or not a list (recorded). */
  public List<Node> list(String key) {
    Node value = node(key);
    if (value == null || isNull(value)) {
      return List.of();
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.error(value, field(key), "must be a list, e.g. [a, b], got " + describe(value));
    return List.of();
  }

  /** A list of non-blank texts; bad items are recorded and left out. */
  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    List<Node> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      String item = value(items.get(i), field(key) + "[" + i + "]", "text", Function.identity());
      if (item != null && item.isBlank()) {
        problems.error(items.get(i), field(key) + "[" + i + "]", "must not be blank");
      } else if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  /** A nested map; {@code null} when absent, empty, or not a map (recorded). */
  public @Nullable YamlMap map(String key) {
    Node value = node(key);
    if (value == null || isNull(value)) {
      return null;
    }
    return of(value, field(key), problems, resolver);
  }

  /** {@code value}, found at {@code field} below this map, as a map sharing this map's problems. */
  public @Nullable YamlMap map(Node value, String field) {
    return of(value, field, problems, resolver);
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /** How a node reads in a message: {@code a map}, {@code a list}, or its text in quotes. */
  public static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }
}
