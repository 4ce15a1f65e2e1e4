package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** The options of one visualisation; each kind of options belongs to one panel type. */
public sealed interface PanelOptions {

  /** The Grafana panel plugin these options are for. */
  @JsonIgnore
  String panelType();

  /** How a single-value panel reduces a series: {@code calcs} such as {@code lastNotNull}, over all values or not. */
  record ReduceOptions(List<String> calcs, String fields, boolean values) {
    public ReduceOptions {
      calcs = List.copyOf(calcs);
    }

    /** The latest non-null value of every numeric field. */
    public static final ReduceOptions LAST = new ReduceOptions(List.of("lastNotNull"), "", false);
  }

  /** A series' legend: {@code list} or {@code table}, at the {@code bottom} or {@code right}. */
  record Legend(String displayMode, String placement, boolean showLegend, List<String> calcs) {
    public Legend {
      calcs = List.copyOf(calcs);
    }
  }

  /** Tooltip mode ({@code single}, {@code multi}) and sort order ({@code none}, {@code asc}, {@code desc}). */
  record Tooltip(String mode, String sort) {}

  /** A time series graph. */
  record TimeSeries(Legend legend, Tooltip tooltip) implements PanelOptions {
    /** A bottom list legend and a multi-series tooltip sorted worst first. */
    public static final TimeSeries DEFAULT =
        new TimeSeries(new Legend("list", "bottom", true, List.of()), new Tooltip("multi", "desc"));

    @Override
    public String panelType() {
      return "timeseries";
    }
  }

  /** A big number, coloured by its thresholds. */
  record Stat(ReduceOptions reduceOptions, String colorMode, String graphMode, String textMode, String justifyMode,
      String orientation) implements PanelOptions {
    /** The latest value, the background coloured, no sparkline. */
    public static final Stat DEFAULT = new Stat(ReduceOptions.LAST, "background", "none", "auto", "auto", "auto");

    @Override
    public String panelType() {
      return "stat";
    }
  }

  /** A dial between the field's min and max, coloured by its thresholds. */
  record Gauge(ReduceOptions reduceOptions, boolean showThresholdLabels, boolean showThresholdMarkers, String orientation)
      implements PanelOptions {
    public static final Gauge DEFAULT = new Gauge(ReduceOptions.LAST, false, true, "auto");

    @Override
    public String panelType() {
      return "gauge";
    }
  }

  /** Bars, one per series, coloured by thresholds. */
  record BarGauge(ReduceOptions reduceOptions, String displayMode, String orientation, boolean showUnfilled)
      implements PanelOptions {
    public static final BarGauge DEFAULT = new BarGauge(ReduceOptions.LAST, "gradient", "horizontal", true);

    @Override
    public String panelType() {
      return "bargauge";
    }
  }

  /** A table: one row per series of an instant query. */
  record Table(boolean showHeader, List<SortBy> sortBy) implements PanelOptions {
    public Table {
      sortBy = List.copyOf(sortBy);
    }

    @Override
    public String panelType() {
      return "table";
    }
  }

  /** A table's initial sort: by the column named {@code displayName}. */
  record SortBy(String displayName, boolean desc) {}

  /** Markdown text. */
  record Text(String mode, String content) implements PanelOptions {
    /** {@code content} as markdown. */
    public static Text markdown(String content) {
      return new Text("markdown", content);
    }

    @Override
    public String panelType() {
      return "text";
    }
  }
}
