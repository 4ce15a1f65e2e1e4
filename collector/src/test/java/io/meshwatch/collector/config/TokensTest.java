package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.ProductId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void tokens_lookUpAdminAndProduct() {
    Tokens tokens = new Tokens(Set.of("adm"), Map.of("ing", ProductId.parse("sales.orders")));

    assertThat(tokens.isAdmin("adm")).isTrue();
    assertThat(tokens.isAdmin("ing")).isFalse();
    assertThat(tokens.productOf("ing")).contains(ProductId.parse("sales.orders"));
    assertThat(tokens.productOf("adm")).isEmpty();
  }

  @Test
  void tokens_tokenUsedTwiceIsRejected() {
    assertThatThrownBy(() -> new Tokens(Set.of("x"), Map.of("x", ProductId.parse("sales.orders"))))
        .hasMessage("a token cannot be both an admin and an ingest token");
    assertThatThrownBy(() -> new Tokens(Set.of(" "), Map.of())).hasMessage("tokens must not be blank");
  }

  @Test
  void tokens_domainTokensNameTheirDomain() {
    Tokens tokens = new Tokens(Set.of("adm"), Map.of(), Map.of("s1", "sales", "s2", "sales"));

    assertThat(tokens.domainOf("s1")).contains("sales");
    assertThat(tokens.domainOf("adm")).isEmpty();
    assertThat(tokens.isEmpty()).isFalse();
    assertThat(new Tokens(Set.of(), Map.of(), Map.of("s1", "sales")).isEmpty()).isFalse();
    assertThat(tokens.toString()).doesNotContain("s1").isEqualTo("Tokens[1 admin, 0 ingest, 2 domain]");
  }

  @Test
  void tokens_domainTokenSharedWithAnotherKindOrBadDomainIsRejected() {
    assertThatThrownBy(() -> new Tokens(Set.of("x"), Map.of(), Map.of("x", "sales")))
        .hasMessage("a domain token cannot also be an admin or an ingest token");
    assertThatThrownBy(() -> new Tokens(Set.of(), Map.of("x", ProductId.parse("sales.orders")), Map.of("x", "sales")))
        .hasMessage("a domain token cannot also be an admin or an ingest token");
    assertThatThrownBy(() -> new Tokens(Set.of(), Map.of(), Map.of("x", "Sales")))
        .hasMessageContaining("a token's domain must match");
  }
}
