package io.meshwatch.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When the error budget runs out if things go on as they are: {@code atCurrentBurn} extrapolates the
 * burn rate of the last hour, {@code byTrend} a least-squares line through the budget left over the
 * window. {@code null} means "not within the window at this pace" (or not computable yet); zero means
 * already exhausted.
 */
public record BudgetForecast(@Nullable Duration atCurrentBurn, @Nullable Duration byTrend) {

  public static final BudgetForecast NONE = new BudgetForecast(null, null);
}
