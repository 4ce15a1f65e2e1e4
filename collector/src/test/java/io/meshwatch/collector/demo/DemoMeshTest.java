package io.meshwatch.collector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoMeshTest {

  private final List<DemoProduct> products = DemoMesh.products();

  @Test
  void products_atLeastTwentyInFourDomains() {
    assertThat(products).hasSizeGreaterThanOrEqualTo(20);
    assertThat(products.stream().map(p -> p.descriptor().domain()).distinct()).hasSize(4);
  }

  @Test
  void products_includeEveryMisbehaviourAndMostlyHealthyOnes() {
    Set<Behaviour> behaviours = products.stream().map(DemoProduct::behaviour).collect(Collectors.toSet());
    assertThat(behaviours).containsExactlyInAnyOrder(Behaviour.values());
    assertThat(products.stream().filter(p -> p.behaviour() == Behaviour.HEALTHY).count())
        .isGreaterThan(products.size() / 2);
  }

  @Test
  void products_upstreamNamesOnlyProductsOfTheMesh() {
    Set<ProductId> ids = products.stream().map(p -> p.descriptor().id()).collect(Collectors.toSet());
    assertThat(ids).hasSameSizeAs(products);
    for (DemoProduct product : products) {
      DataProduct descriptor = product.descriptor();
      assertThat(ids).as("upstream of %s", descriptor.id()).containsAll(descriptor.upstream());
    }
  }
}
