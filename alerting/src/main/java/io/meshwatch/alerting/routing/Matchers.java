package io.meshwatch.alerting.routing;

import java.util.List;
import java.util.Map;

/**
 * Matchers that must all hold, compiled once for matching many alerts: regexes are compiled when
 * this is built, and plain words, alternations of words and {@code prefix.*} skip the regex engine.
 * Matches exactly as {@link Matcher#matches} does. Immutable, so safe to share between threads.
 *
 * <pre>{@code
 * Matchers salesPages = Matchers.of(List.of(Matcher.parse("domain=sales"), Matcher.parse("severity=page")));
 * boolean pages = salesPages.matches(alert.labels());
 * }</pre>
 */
public final class Matchers {
  private final List<Matcher> matchers;
  private final CompiledMatcher[] compiled;

  private Matchers(List<Matcher> matchers) {
    this.matchers = List.copyOf(matchers);
    this.compiled = this.matchers.stream().map(CompiledMatcher::of).toArray(CompiledMatcher[]::new);
  }

  /** Compiles {@code matchers}; no matchers match every alert. */
  public static Matchers of(List<Matcher> matchers) {
    return new Matchers(matchers);
  }

  public List<Matcher> matchers() {
    return matchers;
  }

  /** Whether every matcher holds for {@code labels} (a missing label counts as the empty string). */
  public boolean matches(Map<String, String> labels) {
    for (CompiledMatcher matcher : compiled) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return matchers.toString();
  }
}
