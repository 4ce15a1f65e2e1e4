package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A Prometheus query of a panel. {@code instant} queries give one value per series (stat, gauge,
 * table panels), range queries a series over time; {@code format} is {@code table} for table panels.
 */
@JsonPropertyOrder({"refId", "datasource", "expr", "legendFormat", "instant", "range", "format"})
public record Target(
    String refId, DataSourceRef datasource, String expr, String legendFormat, boolean instant, boolean range,
    @Nullable String format) {

  public Target {
    if (expr == null || expr.isBlank()) {
      throw new IllegalArgumentException("query " + refId + " needs a PromQL expression");
    }
  }

  /** A range query: a series over time, named by {@code legendFormat} (e.g. {@code {{window}}}). */
  public static Target range(String refId, DataSourceRef datasource, String expr, String legendFormat) {
    return new Target(refId, datasource, expr, legendFormat, false, true, null);
  }

  /** An instant query: the latest value of each series. */
  public static Target instant(String refId, DataSourceRef datasource, String expr, String legendFormat) {
    return new Target(refId, datasource, expr, legendFormat, true, false, null);
  }

  /** An instant query whose series become a table's rows (one column per label, one per query). */
  public static Target table(String refId, DataSourceRef datasource, String expr) {
    return new Target(refId, datasource, expr, "__auto", true, false, "table");
  }
}
