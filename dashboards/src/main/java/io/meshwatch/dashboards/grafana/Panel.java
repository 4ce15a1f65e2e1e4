package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A panel: its queries, how their values are shown (field config: unit, range, thresholds) and the
 * options of its visualisation, which also fix its {@link #type()}; {@code transformations} (left out
 * of the JSON when there are none) reshape the results first, e.g. merging a table's queries.
 */
@JsonPropertyOrder({"id", "type", "title", "description", "gridPos", "datasource", "targets", "fieldConfig", "options",
    "links", "transformations"})
public record Panel(
    int id,
    String title,
    @Nullable String description,
    GridPos gridPos,
    DataSourceRef datasource,
    List<Target> targets,
    FieldConfigSource fieldConfig,
    PanelOptions options,
    List<DashboardLink> links,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Transformation> transformations) implements PanelItem {

  public Panel {
    targets = List.copyOf(targets);
    links = List.copyOf(links);
    transformations = List.copyOf(transformations);
    if (targets.isEmpty() && !(options instanceof PanelOptions.Text)) {
      throw new IllegalArgumentException("panel '" + title + "' has no query");
    }
  }

  /** A panel whose query results are shown as they come, without transformations. */
  public Panel(int id, String title, @Nullable String description, GridPos gridPos, DataSourceRef datasource,
      List<Target> targets, FieldConfigSource fieldConfig, PanelOptions options, List<DashboardLink> links) {
    this(id, title, description, gridPos, datasource, targets, fieldConfig, options, links, List.of());
  }

  /** The visualisation plugin, e.g. {@code timeseries}: given by the options. */
  @JsonProperty
  public String type() {
    return options.panelType();
  }
}
