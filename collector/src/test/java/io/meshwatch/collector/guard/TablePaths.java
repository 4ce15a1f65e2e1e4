package io.meshwatch.collector.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The table names of every field written in a YAML document, as a transport's readers look them up:
 * {@code slos[].window}, list items as {@code []}, keys of data maps as {@code *}, routes in routes
 * once. Below a field the table calls refused or not read, and below free-form maps, nothing is named.
 */
final class TablePaths {

  private static final Pattern REPEATED = Pattern.compile("(\\.[^.]+\\[])\\1+");

  private final BoundsTable table;
  /** Where an object of another kind is inlined: the pattern it is found at, by its node, or null. */
  private final BiFunction<String, Node, @Nullable String> rebase;
  private final Set<String> found = new TreeSet<>();

  TablePaths(BoundsTable table, BiFunction<String, Node, @Nullable String> rebase) {
    this.table = table;
    this.rebase = rebase;
  }

  static String resource(String name) {
    try {
      return Files.readString(resourcePath(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resourcePath(String name) {
    try {
      return Path.of(TablePaths.class.getResource("/guard/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of every field in every document of {@code yaml}. */
  Set<String> of(String yaml, BiFunction<String, Node, String> root) {
    for (Node document : new Yaml().composeAll(new java.io.StringReader(yaml))) {
      walk(document, "", root);
    }
    return found;
  }

  private void walk(Node node, String pattern, BiFunction<String, Node, String> root) {
    Bound bound = pattern.isEmpty() ? null : table.find(pattern).map(Field::bound).orElse(null);
    if (bound instanceof Bound.Ignored || bound instanceof Bound.Refused) {
      return;
    }
    if (node instanceof SequenceNode list) {
      list.getValue().forEach(item -> {
        String itemPattern = collapsed(pattern + "[]");
        found.add(itemPattern);
        walk(item, itemPattern, root);
      });
    } else if (node instanceof MappingNode map) {
      String rebased = rebase.apply(pattern, node);
      String base = pattern.isEmpty() ? "" : rebased != null ? rebased : pattern;
      for (NodeTuple tuple : map.getValue()) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        String prefix = pattern.isEmpty() ? root.apply(key, node) : base.isEmpty() ? "" : base + ".";
        if (pattern.isEmpty() && !prefix.isEmpty()) {
          found.add(key); // a document's own field, read before the document is read as its kind
        }
        String child = table.find(prefix + "*").isPresent() ? prefix + "*" : prefix + key;
        if (bound instanceof Bound.Items && table.find(child).isEmpty()) {
          continue; // a free-form map, such as an object's labels: only the keys the table names are read
        }
        found.add(collapsed(child));
        walk(tuple.getValueNode(), collapsed(child), root);
      }
    }
  }

  private static String collapsed(String pattern) {
    return REPEATED.matcher(pattern).replaceAll("$1");
  }
}
