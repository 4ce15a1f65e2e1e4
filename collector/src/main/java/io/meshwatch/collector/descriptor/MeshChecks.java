package io.meshwatch.collector.descriptor;

import io.meshwatch.model.ProductId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that span documents and files: unique product ids, upstream ids that some product declares. */
final class MeshChecks {

  private MeshChecks() {}

  /**
   * The result of {@code products} read with {@code problems}: the first product of each id is kept,
   * later ones are errors; with {@code checkUpstream}, unknown upstream ids are warnings.
   */
  static ParseResult uniqueIds(List<LocatedProduct> products, List<DescriptorProblem> problems, boolean checkUpstream) {
    List<DescriptorProblem> all = new ArrayList<>(problems);
    Map<ProductId, LocatedProduct> byId = new LinkedHashMap<>();
    for (LocatedProduct product : products) {
      LocatedProduct first = byId.putIfAbsent(product.product().id(), product);
      if (first != null) {
        all.add(DescriptorProblem.error(product.source(), product.line(), "id",
            "product " + product.product().id() + " is already declared at " + first.source() + ":" + first.line()));
      }
    }
    if (checkUpstream) {
      for (LocatedProduct product : byId.values()) {
        List<ProductId> upstream = product.product().upstream();
        for (int i = 0; i < upstream.size(); i++) {
          if (!byId.containsKey(upstream.get(i))) {
            all.add(DescriptorProblem.warning(product.source(), product.upstreamLines().get(i), "upstream",
                upstream.get(i) + " is not declared by any of the descriptors read"));
          }
        }
      }
    }
    return new ParseResult(DescriptorParser.productsOf(List.copyOf(byId.values())), DescriptorParser.ordered(all));
  }
}
