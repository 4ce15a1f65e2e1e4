package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A panel: its queries, how their values are shown (field config: unit, range, thresholds) and the
 * options of its visualisation, which also fix its {@link #type()}.
 */
@JsonPropertyOrder({"id", "type", "title", "description", "gridPos", "datasource", "targets", "fieldConfig", "options",
    "links"})
public record Panel(
    int id,
    String title,
    @Nullable String description,
    GridPos gridPos,
    DataSourceRef datasource,
    List<Target> targets,
    FieldConfigSource fieldConfig,
    PanelOptions options,
    List<DashboardLink> links) implements PanelItem {

  public Panel {
    targets = List.copyOf(targets);
    links = List.copyOf(links);
    if (targets.isEmpty() && !(options instanceof PanelOptions.Text)) {
      throw new IllegalArgumentException("panel '" + title + "' has no query");
    }
  }

  /** The visualisation plugin, e.g. {@code timeseries}: given by the options. */
  @JsonProperty
  public String type() {
    return options.panelType();
  }
}
