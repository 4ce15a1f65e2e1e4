package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Links of the dashboards: between meshwatch's own (Grafana paths {@code /d/<uid>}, with variables
 * preset and the time range kept), to the collector's product page, and to a descriptor's links.
 */
final class Urls {
  private Urls() {}

  /** {@code /d/<uid>}, with {@code ?var-<name>=<value>} when a variable is preset. */
  static String dashboard(String uid, @Nullable String variable, @Nullable String value) {
    String path = "/d/" + uid;
    return variable == null || value == null ? path
        : path + "?var-" + variable + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static DashboardLink internal(String title, String url, String tooltip) {
    return DashboardLink.to(title, url, tooltip, false, false);
  }

  /** The collector's JSON page of {@code product}, when the collector's address is known. */
  static @Nullable String collectorProduct(@Nullable URI collector, DataProduct product) {
    if (collector == null) {
      return null;
    }
    String base = collector.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/api/v1/products/" + product.id();
  }

  /** Runbook, docs and dashboard from the descriptor, those it has. */
  static List<DashboardLink> descriptorLinks(DataProduct product) {
    Links links = product.links();
    List<DashboardLink> out = new ArrayList<>();
    if (links.runbook() != null) {
      out.add(DashboardLink.to("Runbook", links.runbook().toString(), "The product's runbook", false, true));
    }
    if (links.docs() != null) {
      out.add(DashboardLink.to("Docs", links.docs().toString(), "The product's documentation", false, true));
    }
    if (links.dashboard() != null) {
      out.add(DashboardLink.to("Team dashboard", links.dashboard().toString(), "The owner team's own dashboard", false, true));
    }
    return out;
  }
}
