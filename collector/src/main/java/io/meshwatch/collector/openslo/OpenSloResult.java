package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a set of OpenSLO documents produced: per product, the SLOs to add to it, and every
 * problem (errors and warnings, by source and line). With any error there are no SLOs at all: a set
 * of documents is applied whole or not at all.
 */
public record OpenSloResult(Map<ProductId, List<SloSpec>> slos, List<DescriptorProblem> problems) {

  public OpenSloResult {
    problems = List.copyOf(problems);
    boolean errors = problems.stream().anyMatch(DescriptorProblem::isError);
    Map<ProductId, List<SloSpec>> copy = new LinkedHashMap<>();
    if (!errors) {
      slos.forEach((product, specs) -> copy.put(product, List.copyOf(specs)));
    }
    slos = Collections.unmodifiableMap(copy);
  }

  /** Whether any problem is an error; then {@link #slos()} is empty. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(DescriptorProblem::isError);
  }

  /** The errors, as {@code source:line: field: message}. */
  public List<String> errors() {
    return problems.stream().filter(DescriptorProblem::isError).map(DescriptorProblem::toString).toList();
  }

  /** {@code products} with their OpenSLO SLOs appended after the ones their descriptors declare. */
  public List<DataProduct> applyTo(List<DataProduct> products) {
    List<DataProduct> applied = new ArrayList<>();
    for (DataProduct p : products) {
      List<SloSpec> added = slos.getOrDefault(p.id(), List.of());
      if (added.isEmpty()) {
        applied.add(p);
        continue;
      }
      List<SloSpec> all = new ArrayList<>(p.slos());
      all.addAll(added);
      applied.add(new DataProduct(p.id(), p.ownerTeam(), p.onCall(), p.description(), p.tags(), p.version(), p.upstream(),
          p.links(), all));
    }
    return applied;
  }
}
