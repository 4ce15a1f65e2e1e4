package io.meshwatch.dashboards.board;

import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The product's descriptor in a few lines of markdown: what it is, who owns it, how to reach them, what it reads. */
final class About {
  private About() {}

  /** {@code uids}: dashboard uids of the mesh's products, so upstream products link to their dashboards. */
  static String markdown(DataProduct product, Map<ProductId, String> uids) {
    StringBuilder out = new StringBuilder();
    if (!product.description().isEmpty()) {
      out.append(product.description()).append("\n\n");
    }
    out.append("**Owner:** ").append(product.ownerTeam()).append(" · **Version:** ").append(product.version());
    if (!product.onCall().isEmpty()) {
      out.append(" · **On call:** ").append(String.join(", ", product.onCall().stream().map(About::contact).toList()));
    }
    out.append("\n\n**Upstream:** ").append(upstream(product.upstream(), uids)).append('\n');
    return out.toString();
  }

  private static String upstream(List<ProductId> upstream, Map<ProductId, String> uids) {
    if (upstream.isEmpty()) {
      return "none";
    }
    return String.join(", ", upstream.stream()
        .sorted(Comparator.comparing(ProductId::toString))
        .map(id -> uids.containsKey(id) ? "[" + id + "](" + Urls.dashboard(uids.get(id), null, null) + ")" : id.toString())
        .toList());
  }

  private static String contact(Contact contact) {
    return contact.kind().name().toLowerCase(Locale.ROOT) + " " + contact.target();
  }
}
