package io.meshwatch.collector.health;

import java.util.List;

/**
 * What one {@link ReadinessCheck} found.
 *
 * @param name what was checked, e.g. {@code journal}; the key of the check in {@code /ready}
 * @param ready whether the collector is ready as far as this check goes
 * @param reasons why not, or notes on a ready verdict; each a sentence for the operator
 */
public record Verdict(String name, boolean ready, List<String> reasons) {

  public Verdict {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a verdict needs a name");
    }
    reasons = List.copyOf(reasons);
  }

  public static Verdict ready(String name, String... notes) {
    return new Verdict(name, true, List.of(notes));
  }

  public static Verdict notReady(String name, List<String> reasons) {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("say why " + name + " is not ready");
    }
    return new Verdict(name, false, reasons);
  }

  public static Verdict notReady(String name, String reason) {
    return notReady(name, List.of(reason));
  }
}
