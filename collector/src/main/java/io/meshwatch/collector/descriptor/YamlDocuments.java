package io.meshwatch.collector.descriptor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes YAML (or JSON) text into snakeyaml node trees, one per document, keeping line numbers.
 * Only the node tree is built, never Java objects, so no tag in the input can instantiate a class.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  /**
   * The non-empty documents of {@code text}. A syntax error becomes a problem with its line; the
   * documents before it are still returned.
   */
  public static List<Node> compose(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // YamlMap reports duplicates itself, with both lines
    List<Node> documents = new ArrayList<>();
    try {
      for (Node document : new Yaml(options).composeAll(new StringReader(jsonSafe(text)))) {
        if (document != null && !isEmpty(document)) {
          documents.add(document);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      problems.error(line, "", "invalid YAML: " + describe(e));
    } catch (YAMLException e) {
      problems.error(0, "", "invalid YAML: " + e.getMessage());
    }
    return documents;
  }

  private static boolean isEmpty(Node document) {
    return document instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && scalar.getValue().isBlank();
  }

  private static String describe(MarkedYAMLException e) {
    String context = e.getContext();
    String problem = e.getProblem();
    if (context == null || context.isBlank()) {
      return problem;
    }
    return problem + " (" + context + ")";
  }

  /**
   * JSON allows tabs between tokens where YAML's scanner rejects them; outside of quoted strings a
   * tab is only ever whitespace in JSON, so it becomes a space (lines and columns stay put).
   */
  static String jsonSafe(String text) {
    if (text.indexOf('\t') < 0 || !text.stripLeading().startsWith("{")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString && c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '"') {
        inString = !inString;
      }
      out.append(!inString && c == '\t' ? ' ' : c);
    }
    return out.toString();
  }
}
