package io.meshwatch.model;

import java.time.Instant;

/**
 * A declared span (maintenance, a holiday) whose events count neither good nor bad: the SLO and its
 * error budget behave as if it had not happened.
 */
public record Exclusion(String reason, WindowSpan span) {

  public Exclusion {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exclusion needs a reason, e.g. 'maintenance'");
    }
    if (span == null) {
      throw new IllegalArgumentException("exclusion '" + reason + "' needs a start and an end");
    }
  }

  public Exclusion(String reason, Instant start, Instant end) {
    this(reason, new WindowSpan(start, end));
  }
}
