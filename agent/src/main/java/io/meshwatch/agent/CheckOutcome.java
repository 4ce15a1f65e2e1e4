package io.meshwatch.agent;

/**
 * The outcome of one quality check, as {@link QualityReporter#report(BatchProfile, ProfileExpectations)}
 * reported it: its name, whether it passed, the rows it judged (0 and 0 when the check is about the
 * batch as a whole, e.g. its distinct count) and a line for humans.
 *
 * <pre>{@code
 * for (CheckOutcome outcome : agent.quality().report(profile, expectations)) {
 *   if (!outcome.passed()) log.warning(outcome.check() + ": " + outcome.detail());
 * }
 * }</pre>
 */
public record CheckOutcome(String check, boolean passed, long rowsChecked, long rowsFailed, String detail) {

  public CheckOutcome {
    if (check == null || check.isBlank()) {
      throw new IllegalArgumentException("check must not be blank, got '" + check + "'");
    }
    if (rowsChecked < 0 || rowsFailed < 0 || rowsFailed > rowsChecked) {
      throw new IllegalArgumentException(
          "check '" + check + "': need 0 <= rowsFailed <= rowsChecked, got " + rowsFailed + " and " + rowsChecked);
    }
    if (detail == null) {
      throw new IllegalArgumentException("check '" + check + "': detail must not be null");
    }
  }

  /** Whether the check judged rows, and so feeds the row-based quality counters too. */
  public boolean hasRows() {
    return rowsChecked > 0;
  }
}
