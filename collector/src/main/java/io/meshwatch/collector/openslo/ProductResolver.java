package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.Suggestion;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.model.ProductId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the meshwatch product an OpenSLO {@code Service} or {@code SLO} stands for: the label or
 * annotation {@code meshwatch.io/product}, else the name of the service, which must then be the id of
 * a product that a descriptor declares.
 */
final class ProductResolver {

  private static final int CLOSEST = 3;

  private final Set<ProductId> known;
  private final ObjectIndex index;
  private final Map<String, @Nullable ProductId> services = new HashMap<>();

  ProductResolver(Set<ProductId> known, ObjectIndex index) {
    this.known = known;
    this.index = index;
  }

  /** Resolves every {@code Service} once, reporting unknown products where the service is declared. */
  void readServices() {
    for (OpenSloObject service : index.all("Service")) {
      if (service.spec() != null) {
        service.spec().allowOnly(List.of("description"));
      }
      String annotated = service.productAnnotation();
      String name = annotated != null ? annotated : service.name();
      String what = annotated != null ? "product '" + annotated + "'" : "service '" + service.name() + "'";
      services.put(service.name(), known(name, what, service.problems(), service.metadata().line(), "metadata"));
    }
  }

  /** The product of {@code slo}, or {@code null} after recording why there is none. */
  @Nullable ProductId forSlo(OpenSloObject slo, YamlMap spec) {
    String annotated = slo.productAnnotation();
    String service = spec.requiredString("service");
    if (annotated != null) {
      return known(annotated, "product '" + annotated + "'", spec.problems(), slo.metadata().line(), "metadata");
    }
    if (service == null) {
      return null;
    }
    if (index.get("Service", service) != null) {
      return services.get(service); // null when the service names no known product, reported at the service
    }
    return known(service, "service '" + service + "'", spec.problems(), spec.line("service"), spec.field("service"));
  }

  private @Nullable ProductId known(String text, String what, Problems problems, int line, String field) {
    if (ProductId.isValid(text) && known.contains(ProductId.parse(text))) {
      return ProductId.parse(text);
    }
    problems.error(line, field, what + " is not a known meshwatch product: name the id (domain.name) of a product that a "
        + "descriptor declares, as the service or in the label or annotation " + OpenSloObject.PRODUCT_KEY + "; "
        + closest(text));
    return null;
  }

  private String closest(String text) {
    if (known.isEmpty()) {
      return "no descriptor declares any product";
    }
    List<String> ids = known.stream().map(ProductId::toString)
        .sorted(Comparator.comparingInt((String id) -> Suggestion.distance(text, id)).thenComparing(id -> id))
        .limit(CLOSEST)
        .toList();
    return "known ids closest to it: " + String.join(", ", ids);
  }
}
