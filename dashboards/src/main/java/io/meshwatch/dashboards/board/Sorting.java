package io.meshwatch.dashboards.board;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SloSpec;
import java.util.Comparator;
import java.util.List;

/** The order things appear in, whatever the descriptors' order: products by id, SLOs by name. */
final class Sorting {
  private Sorting() {}

  static List<DataProduct> products(List<DataProduct> products) {
    return products.stream().sorted(Comparator.comparing(p -> p.id().toString())).toList();
  }

  static List<SloSpec> slos(DataProduct product) {
    return product.slos().stream().sorted(Comparator.comparing(SloSpec::name)).toList();
  }
}
