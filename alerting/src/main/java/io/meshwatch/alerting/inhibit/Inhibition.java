package io.meshwatch.alerting.inhibit;

import io.meshwatch.model.ProductId;
import java.util.List;

/**
 * Why an alert is inhibited: the upstream products at the root of the trouble, i.e. those with a
 * firing alert of the same kind that is not itself inhibited. {@code causes} are ordered nearest
 * first; {@code rootCause} is the first of them, the one named to people.
 */
public record Inhibition(ProductId rootCause, List<ProductId> causes) {

  public Inhibition {
    causes = List.copyOf(causes);
    if (rootCause == null || causes.isEmpty() || !causes.get(0).equals(rootCause)) {
      throw new IllegalArgumentException("inhibition root cause " + rootCause + " must be the first of its causes " + causes);
    }
  }

  /** Inhibited by one upstream product. */
  public static Inhibition by(ProductId rootCause) {
    return new Inhibition(rootCause, List.of(rootCause));
  }
}
