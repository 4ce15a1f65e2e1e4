package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import org.junit.jupiter.api.Test;

class UidsTest {
  @Test
  void product_readableWhenShortAndUnambiguous() {
    assertThat(Uids.product(ProductId.parse("sales.orders"))).isEqualTo("meshwatch-sales-orders");
    assertThat(Uids.domain("sales")).isEqualTo("meshwatch-domain-sales");
  }

  @Test
  void product_dashInTheDomainIsHashedSoTwoIdsNeverMeet() {
    String first = Uids.product(ProductId.parse("a-b.c"));
    String second = Uids.product(ProductId.parse("a.b-c"));

    assertThat(second).isEqualTo("meshwatch-a-b-c");
    assertThat(first).isNotEqualTo(second).startsWith("meshwatch-a-b-c-").hasSize("meshwatch-a-b-c-".length() + 8);
  }

  @Test
  void product_ofDomainNamedDomainNeverTakesADomainDashboardsUid() {
    assertThat(Uids.product(ProductId.parse("domain.sales"))).isNotEqualTo(Uids.domain("sales"));
  }

  @Test
  void product_longIdsAreCutAndHashedWithinFortyCharacters() {
    String name = "a".repeat(60);
    String first = Uids.product(ProductId.parse("sales." + name));
    String second = Uids.product(ProductId.parse("sales." + name + "b"));

    assertThat(first).hasSize(40).startsWith("meshwatch-sales-aaaa").matches("[a-z0-9-]+");
    assertThat(second).hasSize(40).isNotEqualTo(first);
    assertThat(Uids.product(ProductId.parse("sales." + name))).isEqualTo(first);
    assertThat(Uids.domain("d".repeat(40))).hasSize(40).isNotEqualTo(Uids.domain("d".repeat(41)));
  }
}
