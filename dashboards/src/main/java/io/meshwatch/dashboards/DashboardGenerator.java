package io.meshwatch.dashboards;

import io.meshwatch.dashboards.board.MeshDashboards;
import io.meshwatch.model.DataProduct;
import java.util.List;

/**
 * Generates meshwatch's Grafana dashboards from data product descriptors: the mesh overview (folder
 * {@link GeneratedDashboard.Folder#MESHWATCH}), and per domain its dashboard and one per product
 * (folder {@link GeneratedDashboard.Folder#domain}). Uids are stable, so regenerating and uploading
 * updates dashboards in place; the same descriptors, in any order, give the same dashboards.
 *
 * <pre>{@code
 * for (GeneratedDashboard d : new DashboardGenerator(DashboardOptions.DEFAULTS).generate(products)) {
 *   Files.writeString(out.resolve(d.folder().directory()).resolve(d.fileName()), d.json());
 * }
 * }</pre>
 */
public final class DashboardGenerator {
  private final MeshDashboards dashboards;

  public DashboardGenerator(DashboardOptions options) {
    this.dashboards = new MeshDashboards(options);
  }

  /**
   * The overview first, then per domain (by name) the domain's dashboard followed by its products'
   * (by id).
   *
   * @throws IllegalArgumentException naming every product declared more than once
   */
  public List<GeneratedDashboard> generate(List<DataProduct> products) {
    return dashboards.generate(products);
  }
}
