package io.meshwatch.agent;

import io.meshwatch.agent.BoundedAttributeCache.Entry;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.api.metrics.LongCounter;
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

  // Instruments are this reporter's own fields: every hop between the caller and the SDK call is a
  // dependent load on a ~20 ns path (docs/BENCHMARKS.md).
  private final LongCounter qualityChecks;
  private final LongCounter qualityRowsChecked;
  private final LongCounter qualityRowsFailed;
  private final BoundedAttributeCache names;
  private final Drops drops;
  // Pipelines mostly repeat one literal name, so an identity check on the last entry skips the map.
  // A plain field on purpose: Entry is immutable (final fields), so a thread that sees it sees it
  // whole, and a stale or lost update only costs one map lookup.
  private @Nullable Entry recent;

  QualityReporter(Instruments instruments, Drops drops) {
    this.qualityChecks = instruments.qualityChecks;
    this.qualityRowsChecked = instruments.qualityRowsChecked;
    this.qualityRowsFailed = instruments.qualityRowsFailed;
    this.drops = drops;
    this.names = new BoundedAttributeCache(
        Instruments.CHECK, SignalContract.OUTCOME_PASS, SignalContract.OUTCOME_FAIL, drops);
  }

  /**
   * The check {@code name} ran over {@code rowsChecked} rows and found {@code rowsFailed} bad; it
   * {@code passed} or not (a check may tolerate some bad rows). Negative counts, more failed than
   * checked rows or a blank name are dropped and counted.
   */
  public void check(@Nullable String name, boolean passed, long rowsChecked, long rowsFailed) {
    // One sign test for all three rejections: once both counts are non-negative, their difference
    // cannot overflow, so it is negative exactly when more rows failed than were checked.
    if ((rowsChecked | rowsFailed | rowsChecked - rowsFailed) < 0) {
      rejectCounts(rowsChecked, rowsFailed);
      return;
    }
    Entry attributes = attributes(name);
    if (attributes == null) {
      return;
    }
    try {
      qualityChecks.add(1, passed ? attributes.good() : attributes.bad());
      // Adding zero changes no sum, and skipping it matters: a branch the JIT never sees taken is
      // compiled out, which keeps this method small enough to inline into the pipeline's caller
      // (docs/BENCHMARKS.md, "Why QualityCheck missed"). A row counter's series appears with its first
      // non-zero add; the collector reads a missing one as zero.
      if (rowsChecked != 0) {
        qualityRowsChecked.add(rowsChecked, attributes.plain());
      }
      if (rowsFailed != 0) {
        qualityRowsFailed.add(rowsFailed, attributes.plain());
      }
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  /** The check {@code name} passed or not, without row counts (e.g. a schema check). */
  public void check(@Nullable String name, boolean passed) {
    Entry attributes = attributes(name);
    if (attributes == null) {
      return;
    }
    try {
      qualityChecks.add(1, passed ? attributes.good() : attributes.bad());
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

  private @Nullable Entry attributes(@Nullable String name) {
    Entry last = recent;
    if (last != null && last.name() == name) {
      return last;
    }
    Entry entry = names.get(name);
    if (entry != null) {
      recent = entry;
    }
    return entry;
  }

  // Off the hot path, so the recording method stays small enough to inline whole.
  private void rejectCounts(long rowsChecked, long rowsFailed) {
    if (rowsChecked < 0 || rowsFailed < 0) {
      drops.drop(Drops.Reason.NEGATIVE_COUNT, rowsChecked < 0 ? rowsChecked : rowsFailed);
    } else {
      drops.drop(Drops.Reason.ROWS_FAILED_ABOVE_CHECKED, rowsFailed + " > " + rowsChecked);
    }
  }
}
