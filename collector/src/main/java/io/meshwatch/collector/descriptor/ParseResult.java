package io.meshwatch.collector.descriptor;

import io.meshwatch.model.DataProduct;
import java.util.List;

/**
 * What parsing descriptors produced: the products that were read without errors, and every problem
 * found (errors and warnings), ordered by source and line.
 */
public record ParseResult(List<DataProduct> products, List<DescriptorProblem> problems) {

  public ParseResult {
    products = List.copyOf(products);
    problems = List.copyOf(problems);
  }

  /** Whether any problem is an error; when so, the input should be rejected as a whole. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(DescriptorProblem::isError);
  }

  /** The problems that are errors. */
  public List<DescriptorProblem> errors() {
    return problems.stream().filter(DescriptorProblem::isError).toList();
  }

  /** The problems that are warnings. */
  public List<DescriptorProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
