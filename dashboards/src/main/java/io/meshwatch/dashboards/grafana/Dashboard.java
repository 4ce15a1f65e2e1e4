package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Grafana dashboard. {@code uid} is stable (derived from what the dashboard shows), so that
 * generating again and uploading updates the dashboard instead of adding a copy.
 */
@JsonPropertyOrder({"uid", "title", "description", "tags", "schemaVersion", "editable", "graphTooltip", "timezone",
    "refresh", "time", "links", "templating", "annotations", "panels"})
public record Dashboard(
    String uid,
    String title,
    String description,
    List<String> tags,
    String refresh,
    TimeRange time,
    List<DashboardLink> links,
    Templating templating,
    Annotations annotations,
    List<PanelItem> panels) {

  /** The dashboard JSON schema version written (Grafana 10.4 and later read it as is). */
  public static final int SCHEMA_VERSION = 39;

  public Dashboard {
    if (uid == null || uid.isEmpty() || uid.length() > 40) {
      throw new IllegalArgumentException("a dashboard uid must have 1 to 40 characters, got '" + uid + "'");
    }
    tags = List.copyOf(tags);
    links = List.copyOf(links);
    panels = List.copyOf(panels);
  }

  @JsonProperty
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Generated dashboards are changed by regenerating them; Grafana still lets a viewer explore. */
  @JsonProperty
  public boolean editable() {
    return false;
  }

  /** 1: a shared crosshair across the dashboard's panels. */
  @JsonProperty
  public int graphTooltip() {
    return 1;
  }

  @JsonProperty
  public String timezone() {
    return "browser";
  }

  /** The time range a dashboard opens with, in Grafana's relative syntax, e.g. {@code now-6h} to {@code now}. */
  public record TimeRange(String from, String to) {}

  /** The dashboard's template variables. */
  public record Templating(List<Variable> list) {
    public Templating {
      list = List.copyOf(list);
    }
  }

  /** The dashboard's annotation queries. */
  public record Annotations(List<AnnotationQuery> list) {
    public Annotations {
      list = List.copyOf(list);
    }
  }
}
