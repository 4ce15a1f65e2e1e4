package io.meshwatch.collector.descriptor;

import io.meshwatch.model.DataProduct;
import java.util.List;

/** A product read from a descriptor, with where it was written, for checks across documents and files. */
record LocatedProduct(DataProduct product, String source, int line, List<Integer> upstreamLines) {

  LocatedProduct {
    upstreamLines = List.copyOf(upstreamLines);
  }
}
