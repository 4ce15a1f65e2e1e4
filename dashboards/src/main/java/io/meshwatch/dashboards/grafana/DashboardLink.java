package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A link at the top of a dashboard or on a panel: to a URL ({@code link}) or to the dashboards with
 * some tags ({@code dashboards}, shown as a dropdown).
 */
@JsonPropertyOrder({"title", "type", "url", "tags", "asDropdown", "includeVars", "keepTime", "targetBlank", "icon",
    "tooltip"})
public record DashboardLink(
    String title, String type, @Nullable String url, List<String> tags, boolean asDropdown, boolean includeVars,
    boolean keepTime, boolean targetBlank, String icon, String tooltip) {

  public DashboardLink {
    tags = List.copyOf(tags);
  }

  /** A link to {@code url}, keeping the time range (and, for links between our dashboards, the variables). */
  public static DashboardLink to(String title, String url, String tooltip, boolean includeVars, boolean external) {
    return new DashboardLink(title, "link", url, List.of(), false, includeVars, true, external,
        external ? "external link" : "dashboard", tooltip);
  }

  /** A dropdown of every dashboard tagged with all of {@code tags}. */
  public static DashboardLink tagged(String title, List<String> tags) {
    return new DashboardLink(title, "dashboards", null, tags, true, true, true, false, "external link", "");
  }
}
