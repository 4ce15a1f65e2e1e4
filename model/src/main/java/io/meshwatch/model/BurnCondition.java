package io.meshwatch.model;

import java.time.Duration;
import java.util.List;

/**
 * One multi-window burn-rate alert condition (SRE workbook): it holds while the error budget burns
 * faster than {@link #burnRate} over both the long and the short window. The threshold is declared as
 * the share of the SLO window's budget that the long window may consume, so it scales with the SLO
 * window: 2 % of the budget in 1h is a burn rate of 14.4 for a 30-day window, 13.44 for 28 days and
 * 3.36 for 7 days.
 */
public record BurnCondition(Severity severity, Duration longWindow, Duration shortWindow, double budgetShare) {

  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  /** The SRE workbook's four conditions: page on 2 % in 1h or 5 % in 6h; ticket on 10 % in 1d or 3d. */
  public static final List<BurnCondition> SRE_WORKBOOK = List.of(
      new BurnCondition(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02),
      new BurnCondition(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05),
      new BurnCondition(Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 0.10),
      new BurnCondition(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10));

  public BurnCondition {
    if (severity == null || longWindow == null || shortWindow == null) {
      throw new IllegalArgumentException("a burn condition needs a severity, a long and a short window");
    }
    if (shortWindow.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("a burn condition's short window must be at least 1m, got " + shortWindow);
    }
    if (shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException(
          "a burn condition's short window must be shorter than its long window, got " + shortWindow + " and " + longWindow);
    }
    if (!(budgetShare > 0 && budgetShare <= 1)) {
      throw new IllegalArgumentException("a burn condition's budget share must be above 0 and at most 1, got " + budgetShare);
    }
  }

  /** The burn rate both windows must exceed for an SLO window of {@code sloWindow}. */
  public double burnRate(Duration sloWindow) {
    return budgetShare * sloWindow.toMillis() / longWindow.toMillis();
  }

  /** The burn rate at a 30-day SLO window, the SRE workbook's reference (14.4 for 2 % in 1h). */
  public double burnRateAt30Days() {
    return burnRate(THIRTY_DAYS);
  }

  /** A short name for APIs and labels, e.g. {@code page-1h-5m}. */
  public String label() {
    return severity.label() + "-" + DurationLabel.of(longWindow) + "-" + DurationLabel.of(shortWindow);
  }
}
