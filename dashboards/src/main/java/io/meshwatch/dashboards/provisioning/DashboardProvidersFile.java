package io.meshwatch.dashboards.provisioning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code provisioning/dashboards/*.yaml}: where Grafana loads dashboard JSON files from. */
@JsonPropertyOrder({"apiVersion", "providers"})
record DashboardProvidersFile(int apiVersion, List<Provider> providers) {

  DashboardProvidersFile {
    providers = List.copyOf(providers);
  }

  /**
   * A {@code file} provider. No {@code folder}/{@code folderUid}: Grafana refuses them together with
   * {@code foldersFromFilesStructure}, which names a folder after each directory instead.
   * {@code disableDeletion: false} lets a dashboard whose file the generator removed go away.
   */
  @JsonPropertyOrder({"name", "orgId", "type", "disableDeletion", "allowUiUpdates", "updateIntervalSeconds", "options"})
  record Provider(String name, int orgId, String type, boolean disableDeletion, boolean allowUiUpdates,
      int updateIntervalSeconds, Options options) {}

  /** The directory to read and whether its subdirectories become folders. */
  @JsonPropertyOrder({"path", "foldersFromFilesStructure"})
  record Options(String path, boolean foldersFromFilesStructure) {}
}
