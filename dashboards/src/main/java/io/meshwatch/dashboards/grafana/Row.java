package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A row heading the panels below it (an expanded row: its panels follow it in the dashboard's list). */
@JsonPropertyOrder({"id", "type", "title", "collapsed", "gridPos", "panels"})
public record Row(int id, String title, GridPos gridPos) implements PanelItem {

  @JsonProperty
  public String type() {
    return "row";
  }

  @JsonProperty
  public boolean collapsed() {
    return false;
  }

  /** Empty: an expanded row's panels are listed after it, not inside it. */
  @JsonProperty
  public List<Panel> panels() {
    return List.of();
  }
}
