package io.meshwatch.agent;

import io.meshwatch.model.SignalContract;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reports the outcome of named quality checks: the counter
 * {@link SignalContract#QUALITY_CHECKS} by check and outcome, and the row counters
 * {@link SignalContract#QUALITY_ROWS_CHECKED} and {@link SignalContract#QUALITY_ROWS_FAILED} by
 * check. At most 1000 distinct check names are tracked; further names are dropped and counted.
 *
 * <pre>{@code
 * agent.quality().check("orders.amount_positive", badRows == 0, rows, badRows);
 * agent.quality().check("orders.schema_matches", schemaOk);
 * agent.quality().report(profile, expectations).forEach(outcome -> log.info(outcome.toString()));
 * }</pre>
 */
public final class QualityReporter {

  private final Instruments instruments;
  private final BoundedAttributeCache checks;
  private final Drops drops;

  QualityReporter(Instruments instruments, Drops drops) {
    this.instruments = instruments;
    this.drops = drops;
    this.checks = new BoundedAttributeCache(
        Instruments.CHECK, SignalContract.OUTCOME_PASS, SignalContract.OUTCOME_FAIL, drops);
  }

  /**
   * The check {@code name} ran over {@code rowsChecked} rows and found {@code rowsFailed} bad; it
   * {@code passed} or not (a check may tolerate some bad rows). Negative counts, more failed than
   * checked rows or a blank name are dropped and counted.
   */
  public void check(@Nullable String name, boolean passed, long rowsChecked, long rowsFailed) {
    if (rowsChecked < 0 || rowsFailed < 0) {
      drops.drop(Drops.Reason.NEGATIVE_COUNT, rowsChecked < 0 ? rowsChecked : rowsFailed);
      return;
    }
    if (rowsFailed > rowsChecked) {
      drops.drop(Drops.Reason.ROWS_FAILED_ABOVE_CHECKED, rowsFailed + " > " + rowsChecked);
      return;
    }
    BoundedAttributeCache.Entry attributes = checks.get(name);
    if (attributes == null) {
      return;
    }
    try {
      instruments.qualityChecks.add(1, passed ? attributes.good() : attributes.bad());
      instruments.qualityRowsChecked.add(rowsChecked, attributes.plain());
      instruments.qualityRowsFailed.add(rowsFailed, attributes.plain());
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  /** The check {@code name} passed or not, without row counts (e.g. a schema check). */
  public void check(@Nullable String name, boolean passed) {
    BoundedAttributeCache.Entry attributes = checks.get(name);
    if (attributes == null) {
      return;
    }
    try {
      instruments.qualityChecks.add(1, passed ? attributes.good() : attributes.bad());
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  /**
   * Evaluates {@code expectations} against {@code profile} and reports each outcome as a check
   * (with row counts where the check has them, e.g. null rates).
   *
   * @return the outcomes, for the caller to log; empty when either argument is null
   */
  public List<CheckOutcome> report(@Nullable BatchProfile profile, @Nullable ProfileExpectations expectations) {
    if (profile == null || expectations == null) {
      drops.drop(Drops.Reason.MISSING_VALUE, profile == null ? "profile" : "expectations");
      return List.of();
    }
    List<CheckOutcome> outcomes;
    try {
      outcomes = expectations.evaluate(profile);
    } catch (RuntimeException e) {
      drops.unexpected(e);
      return List.of();
    }
    for (CheckOutcome outcome : outcomes) {
      if (outcome.hasRows()) {
        check(outcome.check(), outcome.passed(), outcome.rowsChecked(), outcome.rowsFailed());
      } else {
        check(outcome.check(), outcome.passed());
      }
    }
    return outcomes;
  }
}
