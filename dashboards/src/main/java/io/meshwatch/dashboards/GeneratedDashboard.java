package io.meshwatch.dashboards;

import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardJson;

/** A generated dashboard and the Grafana folder it belongs in (one folder per domain; the overview in meshwatch's). */
public record GeneratedDashboard(Folder folder, Dashboard dashboard) {

  /** The file the dashboard is written to inside its folder's directory, e.g. {@code meshwatch-sales-orders.json}. */
  public String fileName() {
    return dashboard.uid() + ".json";
  }

  /** The dashboard's JSON, as written to its file and uploaded. */
  public String json() {
    return DashboardJson.write(dashboard);
  }

  /** A Grafana folder: its stable uid and title; {@code directory} is its directory name in the generated tree. */
  public record Folder(String uid, String title, String directory) {

    /** meshwatch's own folder, holding the mesh overview. */
    public static final Folder MESHWATCH = new Folder("meshwatch", "meshwatch", "meshwatch");

    /** The folder of a domain's dashboards. */
    public static Folder domain(String domain) {
      return new Folder("meshwatch-" + domain, "meshwatch · " + domain, domain);
    }
  }
}
