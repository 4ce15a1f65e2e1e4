package io.meshwatch.dashboards.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.SampleDashboards;
import io.meshwatch.dashboards.push.DashboardResult.Outcome;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrafanaPushTest {
  private final List<GeneratedDashboard> dashboards = List.of(
      SampleDashboards.overview("meshwatch mesh"),
      SampleDashboards.everyKind("sales", "meshwatch-sales-orders"),
      SampleDashboards.everyKind("finance", "meshwatch-finance-ledger"));
  private FakeGrafana grafana;

  @BeforeEach
  void start() throws Exception {
    grafana = new FakeGrafana();
  }

  @AfterEach
  void stop() {
    grafana.close();
  }

  private GrafanaPush push() {
    return new GrafanaPush(grafana.url(), FakeGrafana.TOKEN);
  }

  @Test
  void push_createsOneFolderPerDomainAndEveryDashboard() throws Exception {
    PushReport report = push().push(dashboards);

    assertThat(grafana.violations()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.grafanaVersion()).isEqualTo("11.3.1");
    assertThat(report.results()).extracting(DashboardResult::outcome).containsOnly(Outcome.CREATED);
    assertThat(report.foldersCreated()).containsExactly("meshwatch", "meshwatch-sales", "meshwatch-finance");
    assertThat(grafana.folders).containsEntry("meshwatch-sales", "meshwatch · sales");
    assertThat(grafana.dashboards.get("meshwatch-sales-orders").folderUid()).isEqualTo("meshwatch-sales");
    assertThat(grafana.requests("GET", "/api/health")).hasSize(1);
    FakeGrafana.Request save = grafana.requests("POST", "/api/dashboards/db").get(1);
    assertThat(save.body().path("overwrite").asBoolean()).isTrue();
    assertThat(save.body().path("message").asText()).isEqualTo(GrafanaPush.MESSAGE);
    assertThat(save.body().at("/dashboard/title").asText()).isEqualTo("Every kind meshwatch-sales-orders");
    assertThat(report.describe()).startsWith("Grafana 11.3.1: 3 created, 0 updated, 0 unchanged, 0 failed");
  }

  @Test
  void push_again_changesNothing() throws Exception {
    push().push(dashboards);
    int saves = grafana.requests("POST", "/api/dashboards/db").size();

    PushReport again = push().push(dashboards);

    assertThat(again.results()).extracting(DashboardResult::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(again.foldersCreated()).isEmpty();
    assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(saves);
    assertThat(grafana.requests("POST", "/api/folders")).hasSize(3);
  }

  @Test
  void push_changedDashboard_updatesItInPlace() throws Exception {
    push().push(List.of(SampleDashboards.everyKind("sales", "meshwatch-sales-orders")));
    GeneratedDashboard renamed = SampleDashboards.everyKind("sales", "meshwatch-sales-orders", "Orders");

    PushReport report = push().push(List.of(renamed));

    assertThat(report.results()).singleElement().extracting(DashboardResult::outcome).isEqualTo(Outcome.UPDATED);
    assertThat(grafana.dashboards).hasSize(1);
    assertThat(grafana.dashboards.get("meshwatch-sales-orders").dashboard().path("title").asText()).isEqualTo("Orders");
    assertThat(grafana.dashboards.get("meshwatch-sales-orders").dashboard().path("version").asInt()).isEqualTo(2);
  }

  @Test
  void push_existingFolder_isNotCreatedAgain() throws Exception {
    grafana.folders.put("meshwatch-sales", "renamed by a user");

    PushReport report = push().push(List.of(SampleDashboards.everyKind("sales", "meshwatch-sales-orders")));

    assertThat(report.foldersCreated()).isEmpty();
    assertThat(grafana.requests("POST", "/api/folders")).isEmpty();
    assertThat(report.results()).singleElement().extracting(DashboardResult::outcome).isEqualTo(Outcome.CREATED);
  }

  @Test
  void push_nameExistsInFolder_failsThatDashboardOnly() throws Exception {
    grafana.nameClashes.add("meshwatch-sales-orders");

    PushReport report = push().push(dashboards);

    assertThat(report.ok()).isFalse();
    DashboardResult clash = report.results().get(1);
    assertThat(clash.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(clash.status()).isEqualTo(412);
    assertThat(clash.message()).isEqualTo("name-exists: A dashboard with the same name in the folder already exists");
    assertThat(report.count(Outcome.CREATED)).isEqualTo(2);
    assertThat(report.describe()).contains("meshwatch-sales-orders (Every kind meshwatch-sales-orders): HTTP 412: "
        + "name-exists: A dashboard with the same name in the folder already exists");
  }

  @Test
  void push_folderCannotBeCreated_failsItsDashboardsOnly() throws Exception {
    grafana.folderConflicts.add("meshwatch-finance");

    PushReport report = push().push(dashboards);

    DashboardResult finance = report.results().get(2);
    assertThat(finance.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(finance.message()).isEqualTo("cannot create folder meshwatch-finance 'meshwatch · finance' (HTTP 409: "
        + "a folder with the same name already exists)");
    assertThat(report.results().subList(0, 2)).extracting(DashboardResult::outcome).containsOnly(Outcome.CREATED);
    assertThat(grafana.dashboards).doesNotContainKey("meshwatch-finance-ledger");
  }

  @Test
  void push_wrongToken_isRefusedWithGrafanasMessage() {
    GrafanaPush wrong = new GrafanaPush(grafana.url(), "glsa_wrong");

    assertThatThrownBy(() -> wrong.push(dashboards))
        .isInstanceOf(GrafanaPushException.class)
        .hasMessageStartingWith("Grafana refused the token (HTTP 401 on GET " + grafana.url()
            + "/api/folders/meshwatch: invalid API key)")
        .satisfies(e -> assertThat(((GrafanaPushException) e).status()).isEqualTo(401));
    assertThat(grafana.requests("POST", "/api")).isEmpty();
  }

  @Test
  void push_grafanaOlderThan9_isRefusedNamingTheVersion() {
    grafana.version = "8.5.27";

    assertThatThrownBy(() -> push().push(dashboards))
        .isInstanceOf(GrafanaPushException.class)
        .hasMessage("Grafana at " + grafana.url() + " reports version '8.5.27'; meshwatch needs Grafana 9 or later");
    assertThat(grafana.requests).hasSize(1);
  }

  @Test
  void push_grafana9_isAccepted() throws Exception {
    grafana.version = "9.0.0-beta3";

    assertThat(push().push(dashboards).ok()).isTrue();
  }

  @Test
  void push_nothingListening_namesTheUrl() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(() -> new GrafanaPush(closed, FakeGrafana.TOKEN).push(dashboards))
        .isInstanceOf(GrafanaPushException.class)
        .hasMessageStartingWith("cannot connect to Grafana at " + closed);
  }

  @Test
  void newGrafanaPush_badUrlAndToken_reportsBoth() {
    assertThatThrownBy(() -> new GrafanaPush(URI.create("ftp://grafana"), "has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)://host")
        .hasMessageContaining("token");
  }
}
