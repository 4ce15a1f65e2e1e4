package io.meshwatch.dashboards.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.push.DashboardResult.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Uploads generated dashboards to a running Grafana (9 or later) through its HTTP API: checks
 * {@code GET /api/health}, makes sure each dashboard's folder exists ({@code GET /api/folders/{uid}},
 * {@code POST /api/folders} when missing), then saves each dashboard with
 * {@code POST /api/dashboards/db} ({@code overwrite: true}, by uid) unless Grafana already holds it
 * unchanged ({@code GET /api/dashboards/uid/{uid}}).
 *
 * <pre>{@code
 * PushReport report = new GrafanaPush(URI.create("http://localhost:3000"), token).push(dashboards);
 * System.out.println(report.describe());
 * }</pre>
 */
public final class GrafanaPush {
  /** The version message Grafana keeps with each saved dashboard version. */
  public static final String MESSAGE = "meshwatch generate";

  private final GrafanaApi api;

  /** Pushes to {@code grafanaUrl} with a service account token, 10 s connect and request timeouts. */
  public GrafanaPush(URI grafanaUrl, String token) {
    this(grafanaUrl, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(10));
  }

  public GrafanaPush(URI grafanaUrl, String token, HttpClient client, Duration requestTimeout) {
    List<String> problems = new ArrayList<>();
    if (!"http".equals(grafanaUrl.getScheme()) && !"https".equals(grafanaUrl.getScheme())
        || grafanaUrl.getHost() == null) {
      problems.add("the Grafana URL must be http(s)://host[:port][/path], got " + grafanaUrl);
    }
    if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      problems.add("the token must be non-empty printable ASCII without spaces");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.api = new GrafanaApi(grafanaUrl, token, client, requestTimeout);
  }

  /**
   * Uploads every dashboard; a dashboard Grafana refuses is reported and the others still go up.
   *
   * @throws GrafanaPushException when Grafana cannot be reached, refuses the token or is older than 9
   */
  public PushReport push(List<GeneratedDashboard> dashboards) throws GrafanaPushException {
    String version = checkVersion();
    Map<String, GeneratedDashboard.Folder> folders = new LinkedHashMap<>();
    dashboards.forEach(d -> folders.putIfAbsent(d.folder().uid(), d.folder()));
    List<String> created = new ArrayList<>();
    Map<String, String> folderProblems = new LinkedHashMap<>();
    for (GeneratedDashboard.Folder folder : folders.values()) {
      @Nullable String problem = ensureFolder(folder, created);
      if (problem != null) {
        folderProblems.put(folder.uid(), problem);
      }
    }
    List<DashboardResult> results = new ArrayList<>();
    for (GeneratedDashboard dashboard : dashboards) {
      String folderProblem = folderProblems.get(dashboard.folder().uid());
      results.add(folderProblem != null
          ? result(dashboard, Outcome.FAILED, 0, folderProblem)
          : save(dashboard));
    }
    return new PushReport(version, created, results);
  }

  private String checkVersion() throws GrafanaPushException {
    GrafanaApi.Answer health = api.get("/api/health");
    if (!health.ok()) {
      throw new GrafanaPushException("Grafana at " + api.url() + " is not healthy (HTTP " + health.status()
          + " on GET /api/health: " + health.message() + ")", health.status());
    }
    GrafanaVersion version = GrafanaVersion.parse(health.body().path("version").asText(""));
    if (!version.supported()) {
      throw new GrafanaPushException("Grafana at " + api.url() + " reports version '" + version.text()
          + "'; meshwatch needs Grafana " + GrafanaVersion.OLDEST_MAJOR + " or later", health.status());
    }
    return version.text();
  }

  /** Returns null when the folder exists (now), else why it could not be made. */
  private @Nullable String ensureFolder(GeneratedDashboard.Folder folder, List<String> created)
      throws GrafanaPushException {
    GrafanaApi.Answer existing = api.get("/api/folders/" + GrafanaApi.segment(folder.uid()));
    if (existing.ok()) {
      return null;
    }
    if (existing.status() != 404) {
      return "cannot look up folder " + folder.uid() + " (HTTP " + existing.status() + ": " + existing.message() + ")";
    }
    GrafanaApi.Answer made = api.post("/api/folders", new FolderRequest(folder.uid(), folder.title()));
    if (!made.ok()) {
      return "cannot create folder " + folder.uid() + " '" + folder.title() + "' (HTTP " + made.status() + ": "
          + made.message() + ")";
    }
    created.add(folder.uid());
    return null;
  }

  private DashboardResult save(GeneratedDashboard dashboard) throws GrafanaPushException {
    ObjectNode json = parse(dashboard);
    String uid = dashboard.dashboard().uid();
    GrafanaApi.Answer existing = api.get("/api/dashboards/uid/" + GrafanaApi.segment(uid));
    if (existing.ok() && sameAs(existing.body(), json, dashboard.folder().uid())) {
      return result(dashboard, Outcome.UNCHANGED, existing.status(), null);
    }
    // id null: Grafana finds the dashboard by uid; an id from this tree would name another install's row.
    json.set("id", NullNode.getInstance());
    GrafanaApi.Answer saved = api.post("/api/dashboards/db",
        new SaveRequest(json, dashboard.folder().uid(), true, MESSAGE));
    if (!saved.ok()) {
      String status = saved.body().path("status").asText("");
      return result(dashboard, Outcome.FAILED, saved.status(),
          (status.isEmpty() ? "" : status + ": ") + saved.message());
    }
    return result(dashboard, existing.ok() ? Outcome.UPDATED : Outcome.CREATED, saved.status(), null);
  }

  /** Grafana adds {@code id} and {@code version} to what it stores; the rest comes back as saved. */
  private static boolean sameAs(JsonNode stored, ObjectNode generated, String folderUid) {
    if (!(stored.path("dashboard") instanceof ObjectNode dashboard)
        || !folderUid.equals(stored.path("meta").path("folderUid").asText(null))) {
      return false;
    }
    ObjectNode storedCopy = dashboard.deepCopy();
    storedCopy.remove(List.of("id", "version"));
    ObjectNode generatedCopy = generated.deepCopy();
    generatedCopy.remove(List.of("id", "version"));
    return storedCopy.equals(generatedCopy);
  }

  private static ObjectNode parse(GeneratedDashboard dashboard) {
    try {
      return (ObjectNode) GrafanaApi.JSON.readTree(dashboard.json());
    } catch (IOException e) {
      throw new IllegalStateException("generated dashboard " + dashboard.dashboard().uid() + " is not JSON", e);
    }
  }

  private static DashboardResult result(GeneratedDashboard dashboard, Outcome outcome, int status,
      @Nullable String message) {
    return new DashboardResult(dashboard.dashboard().uid(), dashboard.dashboard().title(), dashboard.folder().uid(),
        outcome, status, message);
  }

  /** The body of {@code POST /api/folders}. */
  record FolderRequest(String uid, String title) {}

  /** The body of {@code POST /api/dashboards/db}. */
  record SaveRequest(JsonNode dashboard, String folderUid, boolean overwrite, String message) {}
}
