package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds every dashboard of a mesh. Public only so that {@code io.meshwatch.dashboards.DashboardGenerator},
 * the module's API, can call it; use that instead.
 */
public final class MeshDashboards {
  private final OverviewDashboard overview;
  private final DomainDashboard domainDashboard;
  private final ProductDashboard productDashboard;

  public MeshDashboards(DashboardOptions options) {
    this.overview = new OverviewDashboard(options);
    this.domainDashboard = new DomainDashboard(options);
    this.productDashboard = new ProductDashboard(options);
  }

  /**
   * The overview, then per domain (by name) its dashboard and its products' (by id).
   *
   * @throws IllegalArgumentException naming every product declared twice, or two dashboards that would share a uid
   */
  public List<GeneratedDashboard> generate(List<DataProduct> products) {
    List<DataProduct> sorted = Sorting.products(products);
    Set<ProductId> seen = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    SortedMap<String, List<DataProduct>> byDomain = new TreeMap<>();
    Map<ProductId, String> uids = new HashMap<>();
    for (DataProduct product : sorted) {
      if (!seen.add(product.id())) {
        duplicates.add(product.id().toString());
      }
      byDomain.computeIfAbsent(product.domain(), d -> new ArrayList<>()).add(product);
      uids.put(product.id(), Uids.product(product.id()));
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("products declared more than once: " + String.join(", ", duplicates));
    }
    List<GeneratedDashboard> out = new ArrayList<>();
    out.add(overview.build(sorted, List.copyOf(byDomain.keySet())));
    byDomain.forEach((domain, members) -> {
      out.add(domainDashboard.build(domain, members, uids));
      members.forEach(product -> out.add(productDashboard.build(product, uids)));
    });
    requireUniqueUids(out);
    return List.copyOf(out);
  }

  // Readable uids cannot meet, hashed ones almost never; should they, fail rather than overwrite a dashboard.
  private static void requireUniqueUids(List<GeneratedDashboard> dashboards) {
    Map<String, String> titleByUid = new HashMap<>();
    for (GeneratedDashboard generated : dashboards) {
      String other = titleByUid.putIfAbsent(generated.dashboard().uid(), generated.dashboard().title());
      if (other != null) {
        throw new IllegalArgumentException("dashboards '" + other + "' and '" + generated.dashboard().title()
            + "' would share the uid " + generated.dashboard().uid() + "; rename one of them");
      }
    }
  }
}
