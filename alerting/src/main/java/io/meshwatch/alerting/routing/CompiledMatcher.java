package io.meshwatch.alerting.routing;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Matcher} ready to run per alert: regexes compiled once, and the regexes operators write
 * most ({@code a|b|c}, {@code sales\..*}, plain words) answered without the regex engine at all.
 * Every shortcut must agree with RE2's {@code Pattern.compile(value).matches(s)} (re2j, see {@link Matcher}).
 */
final class CompiledMatcher {
  private static final String META = "\\.[]{}()*+?^$|";
  /** RE2's '.' stops only at a newline (Java's also at \r, \u0085, \u2028 and \u2029). */
  private static final String LINE_TERMINATORS = "\n";

  private final String name;
  private final boolean negated;
  private final Predicate<String> test;

  private CompiledMatcher(String name, boolean negated, Predicate<String> test) {
    this.name = name;
    this.negated = negated;
    this.test = test;
  }

  static CompiledMatcher of(Matcher matcher) {
    String value = matcher.value();
    return switch (matcher.op()) {
      case EQUAL -> new CompiledMatcher(matcher.name(), false, value::equals);
      case NOT_EQUAL -> new CompiledMatcher(matcher.name(), true, value::equals);
      case REGEX -> new CompiledMatcher(matcher.name(), false, regex(value));
      case NOT_REGEX -> new CompiledMatcher(matcher.name(), true, regex(value));
    };
  }

  boolean matches(Map<String, String> labels) {
    String actual = labels.get(name);
    return test.test(actual == null ? "" : actual) != negated;
  }

  static Predicate<String> regex(String regex) {
    String literal = literal(regex);
    if (literal != null) {
      return literal::equals;
    }
    Set<String> alternatives = alternatives(regex);
    if (alternatives != null) {
      return alternatives::contains;
    }
    if (regex.endsWith(".*")) {
      String prefix = literal(regex.substring(0, regex.length() - 2));
      if (prefix != null) {
        // '.' stops at a newline, as in RE2 without the s flag.
        return s -> s.startsWith(prefix) && noLineTerminator(s, prefix.length());
      }
    }
    Pattern pattern = Pattern.compile(regex);
    return pattern::matches;
  }

  /** The text {@code regex} stands for when it has no operators (only escaped punctuation), else null. */
  static @Nullable String literal(String regex) {
    @Nullable StringBuilder out = null;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        // \d, \Q, \1 ... are operators; a backslash before punctuation only quotes it.
        if (i + 1 == regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
          return null;
        }
        if (out == null) {
          out = new StringBuilder(regex.length()).append(regex, 0, i);
        }
        out.append(regex.charAt(++i));
      } else if (META.indexOf(c) >= 0) {
        return null;
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? regex : out.toString();
  }

  private static @Nullable Set<String> alternatives(String regex) {
    if (regex.indexOf('|') < 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= regex.length(); i++) {
      if (i == regex.length() || regex.charAt(i) == '|') {
        String literal = literal(regex.substring(start, i));
        if (literal == null) {
          return null;
        }
        parts.add(literal);
        start = i + 1;
      } else if (regex.charAt(i) == '\\') {
        i++;
      }
    }
    return Set.copyOf(parts);
  }

  private static boolean noLineTerminator(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (LINE_TERMINATORS.indexOf(s.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
