package io.meshwatch.alerting.routing;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One label matcher, as in Alertmanager: {@code team="sales"}, {@code team!="sales"},
 * {@code product=~"sales\\..*"}, {@code product!~"..."}. Regexes are anchored at both ends and, as
 * Alertmanager's, written in RE2 syntax and matched by RE2 (re2j), in time linear in the label's
 * length: a matcher anyone may write in a silence cannot stall alerting by backtracking. A label the
 * alert does not have matches as the empty string.
 *
 * <pre>{@code
 * Matcher paging = Matcher.parse("severity=\"page\"");
 * boolean pages = paging.matches(alert.labels());
 * }</pre>
 */
public record Matcher(String name, Op op, String value) {

  /** How the label's value is compared. */
  public enum Op {
    EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern TEXT = Pattern.compile(
      "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s]*))\\s*");

  public Matcher {
    if (name == null || !LABEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("matcher label name must match [a-zA-Z_][a-zA-Z0-9_]*, got '" + name + "'");
    }
    if (op == null || value == null) {
      throw new IllegalArgumentException("matcher on " + name + " needs an operator and a value");
    }
    if (op == Op.REGEX || op == Op.NOT_REGEX) {
      try {
        com.google.re2j.Pattern.compile(value);
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new IllegalArgumentException("matcher " + name + op.symbol + " has an invalid regex (RE2 syntax): "
            + e.getDescription());
      }
    }
  }

  /**
   * Reads {@code name="value"} (also {@code !=}, {@code =~}, {@code !~}; quotes optional for values
   * without spaces).
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static Matcher parse(String text) {
    java.util.regex.Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "matcher must look like name=\"value\" (or !=, =~, !~), got '" + text + "'");
    }
    Op op = switch (m.group(2)) {
      case "=" -> Op.EQUAL;
      case "!=" -> Op.NOT_EQUAL;
      case "=~" -> Op.REGEX;
      default -> Op.NOT_REGEX;
    };
    String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
    return new Matcher(m.group(1), op, value);
  }

  /** Whether {@code labels} satisfy this matcher; compiles a regex on each call, see {@link Matchers}. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern().matches(actual);
      case NOT_REGEX -> !pattern().matches(actual);
    };
  }

  // Compiled on demand: records cannot hold derived state. Per-alert matching goes through Matchers,
  // which compiles once.
  private com.google.re2j.Pattern pattern() {
    return com.google.re2j.Pattern.compile(value);
  }

  @Override
  public String toString() {
    return name + op.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
