package io.meshwatch.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a batch of a dataset is expected to look like; each expectation becomes a quality check named
 * {@code <dataset>.row_count} or {@code <dataset>.<column>.<expectation>}, where expectation is one
 * of {@code null_rate}, {@code min_distinct}, {@code max_distinct}, {@code min_value},
 * {@code max_value}. An expectation on a column the batch does not have fails.
 *
 * <pre>{@code
 * ProfileExpectations expectations = ProfileExpectations.builder("customers")
 *     .minRows(1_000)
 *     .maxNullRate("email", 0.05)        // check "customers.email.null_rate"
 *     .minDistinct("country", 2)
 *     .minValue("age", 0).maxValue("age", 130)
 *     .build();
 * List<CheckOutcome> outcomes = agent.quality().report(profile, expectations);
 * }</pre>
 */
public final class ProfileExpectations {

  /** One column's expectations; null means "not expected". */
  private record ColumnExpectations(
      @Nullable Double maxNullRate, @Nullable Long minDistinct, @Nullable Long maxDistinct,
      @Nullable Double minValue, @Nullable Double maxValue) {}

  private final String dataset;
  private final @Nullable Long minRows;
  private final Map<String, ColumnExpectations> columns;

  private ProfileExpectations(Builder builder) {
    this.dataset = builder.dataset;
    this.minRows = builder.minRows;
    // Insertion order is the order outcomes are reported in.
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(builder.columns));
  }

  /** Starts expectations for {@code dataset}, the prefix of every check name. */
  public static Builder builder(String dataset) {
    return new Builder(dataset);
  }

  /** The dataset name that prefixes every check. */
  public String dataset() {
    return dataset;
  }

  /** Judges {@code profile}: one outcome per expectation, row count first, then columns in the order they were declared. */
  public List<CheckOutcome> evaluate(BatchProfile profile) {
    List<CheckOutcome> outcomes = new ArrayList<>();
    if (minRows != null) {
      outcomes.add(new CheckOutcome(dataset + ".row_count", profile.rows() >= minRows, 0, 0,
          profile.rows() + " rows, expected at least " + minRows));
    }
    for (Map.Entry<String, ColumnExpectations> entry : columns.entrySet()) {
      String name = entry.getKey();
      ColumnExpectations expected = entry.getValue();
      ColumnProfile column = profile.column(name).orElse(null);
      String prefix = dataset + "." + name + ".";
      if (expected.maxNullRate() != null) {
        outcomes.add(nullRate(prefix + "null_rate", column, expected.maxNullRate()));
      }
      if (expected.minDistinct() != null) {
        outcomes.add(distinct(prefix + "min_distinct", column, expected.minDistinct(), true));
      }
      if (expected.maxDistinct() != null) {
        outcomes.add(distinct(prefix + "max_distinct", column, expected.maxDistinct(), false));
      }
      if (expected.minValue() != null) {
        outcomes.add(value(prefix + "min_value", column, expected.minValue(), true));
      }
      if (expected.maxValue() != null) {
        outcomes.add(value(prefix + "max_value", column, expected.maxValue(), false));
      }
    }
    return List.copyOf(outcomes);
  }

  private static CheckOutcome nullRate(String check, @Nullable ColumnProfile column, double max) {
    if (column == null) {
      return missing(check);
    }
    boolean passed = column.nullRate() <= max;
    return new CheckOutcome(check, passed, column.rows(), column.nulls(),
        String.format(Locale.ROOT, "null rate %.4f (%d of %d rows), expected at most %.4f",
            column.nullRate(), column.nulls(), column.rows(), max));
  }

  private static CheckOutcome distinct(String check, @Nullable ColumnProfile column, long bound, boolean lower) {
    if (column == null) {
      return missing(check);
    }
    boolean passed = lower ? column.distinct() >= bound : column.distinct() <= bound;
    return new CheckOutcome(check, passed, 0, 0,
        (column.distinctExact() ? "" : "about ") + column.distinct() + " distinct values, expected "
            + (lower ? "at least " : "at most ") + bound);
  }

  private static CheckOutcome value(String check, @Nullable ColumnProfile column, double bound, boolean lower) {
    if (column == null) {
      return missing(check);
    }
    NumericSummary numbers = column.numeric();
    if (numbers == null) {
      return new CheckOutcome(check, false, 0, 0, "column '" + column.name() + "' has no numeric values");
    }
    double seen = lower ? numbers.min() : numbers.max();
    boolean passed = lower ? seen >= bound : seen <= bound;
    return new CheckOutcome(check, passed, 0, 0,
        (lower ? "min " : "max ") + seen + ", expected " + (lower ? "at least " : "at most ") + bound);
  }

  private static CheckOutcome missing(String check) {
    return new CheckOutcome(check, false, 0, 0, "column not in the batch");
  }

  /** Configures {@link ProfileExpectations}; setters check their arguments at once, {@link #build()} the combinations. */
  public static final class Builder {

    private final String dataset;
    private @Nullable Long minRows;
    private final Map<String, ColumnExpectations> columns = new LinkedHashMap<>();

    private Builder(String dataset) {
      this.dataset = name("dataset", dataset);
    }

    /** The batch must have at least {@code rows} rows. */
    public Builder minRows(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("minRows must not be negative, got " + rows);
      }
      this.minRows = rows;
      return this;
    }

    /** At most this share of {@code column}'s rows may be null, in [0, 1]. */
    public Builder maxNullRate(String column, double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("maxNullRate of '" + column + "' must be in [0, 1], got " + rate);
      }
      ColumnExpectations c = column(column);
      put(column, new ColumnExpectations(rate, c.minDistinct(), c.maxDistinct(), c.minValue(), c.maxValue()));
      return this;
    }

    /** {@code column} must have at least {@code count} distinct non-null values. */
    public Builder minDistinct(String column, long count) {
      ColumnExpectations c = column(column);
      put(column, new ColumnExpectations(c.maxNullRate(), count(column, "minDistinct", count), c.maxDistinct(),
          c.minValue(), c.maxValue()));
      return this;
    }

    /** {@code column} must have at most {@code count} distinct non-null values. */
    public Builder maxDistinct(String column, long count) {
      ColumnExpectations c = column(column);
      put(column, new ColumnExpectations(c.maxNullRate(), c.minDistinct(), count(column, "maxDistinct", count),
          c.minValue(), c.maxValue()));
      return this;
    }

    /** Every number in {@code column} must be at least {@code min}. */
    public Builder minValue(String column, double min) {
      ColumnExpectations c = column(column);
      put(column, new ColumnExpectations(c.maxNullRate(), c.minDistinct(), c.maxDistinct(),
          finite(column, "minValue", min), c.maxValue()));
      return this;
    }

    /** Every number in {@code column} must be at most {@code max}. */
    public Builder maxValue(String column, double max) {
      ColumnExpectations c = column(column);
      put(column, new ColumnExpectations(c.maxNullRate(), c.minDistinct(), c.maxDistinct(), c.minValue(),
          finite(column, "maxValue", max)));
      return this;
    }

    /**
     * Builds the expectations.
     *
     * @throws IllegalStateException listing every column whose minimum exceeds its maximum
     */
    public ProfileExpectations build() {
      List<String> problems = new ArrayList<>();
      columns.forEach((name, c) -> {
        if (c.minDistinct() != null && c.maxDistinct() != null && c.minDistinct() > c.maxDistinct()) {
          problems.add("'" + name + "': minDistinct " + c.minDistinct() + " > maxDistinct " + c.maxDistinct());
        }
        if (c.minValue() != null && c.maxValue() != null && c.minValue() > c.maxValue()) {
          problems.add("'" + name + "': minValue " + c.minValue() + " > maxValue " + c.maxValue());
        }
      });
      if (!problems.isEmpty()) {
        throw new IllegalStateException("inconsistent expectations for '" + dataset + "': " + String.join("; ", problems));
      }
      return new ProfileExpectations(this);
    }

    private ColumnExpectations column(String column) {
      return columns.getOrDefault(name("column", column), new ColumnExpectations(null, null, null, null, null));
    }

    private void put(String column, ColumnExpectations expectations) {
      columns.put(column, expectations);
    }

    private static long count(String column, String field, long count) {
      if (count < 0) {
        throw new IllegalArgumentException(field + " of '" + column + "' must not be negative, got " + count);
      }
      return count;
    }

    private static double finite(String column, String field, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(field + " of '" + column + "' must be finite, got " + value);
      }
      return value;
    }

    private static String name(String field, @Nullable String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
      }
      return value;
    }
  }
}
