package io.meshwatch.collector.descriptor;

import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Bounds;
import io.meshwatch.collector.guard.BoundsTable;
import io.meshwatch.collector.guard.Checked;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.collector.guard.Violation;
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
 * A YAML mapping read field by field, each field held to its entry in the transport's
 * {@link BoundsTable} (found by the field's pattern, e.g. {@code slos[].window} for
 * {@code slos[2].window}). Every accessor records what is wrong (wrong type, missing, unparsable, out
 * of bounds) in {@link Problems} with the field's path and line, and returns {@code null} or an empty
 * list instead of throwing, so the caller reads on and all problems surface at once.
 *
 * <p>Bounds are applied where values are read: a {@link Bound.Text} entry holds the text as written
 * (before it is parsed, and one of at least a character must not be blank; any other scalar's text is
 * held to {@link Bounds#SCALAR}), a {@link Bound.Span}, {@link Bound.Count}, {@link Bound.Number} or
 * {@link Bound.Moment} entry what {@code parse} made of it (a {@code Duration}, a whole number, a
 * number, an {@code Instant}), a {@link Bound.Items} entry the entries of a list or map. Allowing a
 * field that has no entry is a problem of its own: no field is read without a bound.
 *
 * <pre>{@code
 * YamlMap slo = YamlMap.of(node, "slos[0]", problems, ScalarResolver.VERBATIM, DescriptorBounds.TABLE);
 * slo.allowOnly(List.of("name", "sli", "threshold", "objective", "window"));
 * Duration window = slo.value("window", true, "a duration", DurationText::parse); // 5m to 366d
 * }</pre>
 */
public final class YamlMap {

  private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[\\d+]");
  /** A list nested in itself, as routes in routes: one entry covers every depth. */
  private static final java.util.regex.Pattern REPEATED = java.util.regex.Pattern.compile("(\\.[^.]+\\[])\\1+");

  private final MappingNode node;
  private final String path;
  private final String pattern;
  private final Problems problems;
  private final ScalarResolver resolver;
  private final BoundsTable table;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(MappingNode node, String path, String pattern, Problems problems, ScalarResolver resolver,
      BoundsTable table) {
    this.node = node;
    this.path = path;
    this.pattern = pattern;
    this.problems = problems;
    this.resolver = resolver;
    this.table = table;
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

  /**
   * {@code node} as a map at {@code path} of a document of {@code table}'s transport, or {@code null}
   * after recording that it is not one.
   */
  public static @Nullable YamlMap of(Node node, String path, Problems problems, ScalarResolver resolver, BoundsTable table) {
    return of(node, path, path, problems, resolver, table);
  }

  private static @Nullable YamlMap of(Node node, String path, String pattern, Problems problems, ScalarResolver resolver,
      BoundsTable table) {
    if (!(node instanceof MappingNode mapping)) {
      problems.error(node, path, "must be a map of fields, got " + describe(node));
      return null;
    }
    YamlMap map = new YamlMap(mapping, path, pattern, problems, resolver, table);
    Bound bound = table.find(pattern).map(Field::bound).orElse(null);
    Violation tooMany = bound instanceof Bound.Items items ? items.check(map.entries.size()) : null;
    if (tooMany != null) {
      problems.error(node, path, tooMany.message());
      return null;
    }
    return map;
  }

  /**
   * This map with its fields found in the table under {@code root} instead (an OpenSLO object,
   * wherever it is written, under its kind); paths in problems stay as they are.
   */
  public YamlMap rebased(String root) {
    return new YamlMap(node, path, root, problems, resolver, table);
  }

  /**
   * Records every field not in {@code known}, suggesting the known name it was probably meant to be;
   * a known field without an entry in the table is recorded too, as the bug it is.
   */
  public YamlMap allowOnly(Collection<String> known) {
    for (String key : known) {
      if (table.find(pattern(key)).isEmpty()) {
        problems.error(line(), field(key), "has no bound in the " + table.transport() + " table (" + pattern(key)
            + "); a meshwatch bug, please report it");
      }
    }
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

  /**
   * The table's name for {@code key} in this map, e.g. {@code slos[].window}; {@code tokens.ingest.*}
   * for any key of a map whose keys are data (the table has a {@code .*} entry for it).
   */
  String pattern(String key) {
    String prefix = pattern.isEmpty() ? "" : pattern + ".";
    return table.find(prefix + "*").isPresent() ? prefix + "*" : prefix + key;
  }

  private static String collapsed(String pattern) {
    return REPEATED.matcher(pattern).replaceAll("$1");
  }

  /** The bound of {@code key} in this map, for a reader that checks a value it parsed to a type of its own. */
  public Bound bound(String key) {
    return table.get(pattern(key)).bound();
  }

  /** The table's name for {@code field}, a path below this map such as {@code slos[0].exclude[1]}. */
  private String patternOf(String field) {
    String below = field.startsWith(path) ? field.substring(path.length()) : field;
    String rest = below.startsWith(".") ? below.substring(1) : below;
    // The first part is one of this map's keys (which may hold dots, as product ids do).
    String key = entries.keySet().stream().filter(k -> rest.equals(k) || rest.startsWith(k + "[") || rest.startsWith(k + "."))
        .max(java.util.Comparator.comparingInt(String::length)).orElse(rest);
    String head = rest.isEmpty() ? pattern : pattern(key);
    return collapsed(INDEX.matcher(head + rest.substring(rest.isEmpty() ? 0 : key.length())).replaceAll("[]"));
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

  /**
   * Like {@link #value(String, boolean, String, Function)} for a node found below this map, e.g. a
   * list item at {@code field} {@code upstream[2]}.
   */
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
    String name = patternOf(field);
    Bound bound = table.find(name).map(Field::bound).orElse(null);
    if (bound == null) {
      problems.error(scalar, field, "has no bound in the " + table.transport() + " table (" + name
          + "); a meshwatch bug, please report it");
      return null;
    }
    Bound.Text length = bound instanceof Bound.Text own ? own : Bounds.SCALAR;
    if (length.minLength() > 0 && text.isBlank()) {
      problems.error(scalar, field, "must not be blank");
      return null;
    }
    Violation violation = length.check(text);
    try {
      T parsed = violation == null ? parse.apply(text) : null;
      violation = violation != null || parsed == null ? violation : Checked.value(bound, parsed, text);
      if (violation == null) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      problems.error(scalar, field, e.getMessage());
      return null;
    }
    problems.error(scalar, field, violation.message());
    return null;
  }

  /** The items of a list, at most its entry's {@link Bound.Items}; empty when absent, empty, too long or not a list (recorded). */
  public List<Node> list(String key) {
    Node value = node(key);
    if (value == null || isNull(value)) {
      return List.of();
    }
    if (value instanceof SequenceNode sequence) {
      Bound bound = table.find(pattern(key)).map(Field::bound).orElse(null);
      Violation tooMany = bound instanceof Bound.Items items ? items.check(sequence.getValue().size()) : null;
      if (tooMany != null) {
        problems.error(value, field(key), tooMany.message());
        return List.of();
      }
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
    return of(value, field(key), pattern(key), problems, resolver, table);
  }

  /** {@code value}, found at {@code field} below this map (a list item), as a map sharing this map's problems. */
  public @Nullable YamlMap map(Node value, String field) {
    return of(value, field, patternOf(field), problems, resolver, table);
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
    return Shown.quoted(((ScalarNode) node).getValue());
  }
}
