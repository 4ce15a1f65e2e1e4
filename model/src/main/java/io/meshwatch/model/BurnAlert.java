package io.meshwatch.model;

import org.jspecify.annotations.Nullable;

/**
 * A {@link BurnCondition} as evaluated: the burn rate threshold it has at the SLO's window and the
 * burn rates over its two windows ({@code null} where the window holds no events). {@code burning}
 * is what an alert rule consumes; it is false while either rate is unknown.
 */
public record BurnAlert(
    BurnCondition condition, double threshold, @Nullable Double longRate, @Nullable Double shortRate) {

  /** Whether both windows burn faster than the threshold. */
  public boolean burning() {
    return longRate != null && shortRate != null && longRate > threshold && shortRate > threshold;
  }
}
