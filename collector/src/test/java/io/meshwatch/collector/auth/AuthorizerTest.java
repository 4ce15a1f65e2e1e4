package io.meshwatch.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.auth.AuthDecision.Outcome;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");
  private static final String ADMIN = "Bearer adm";
  private static final String INGEST = "Bearer orders-token";
  private static final String SALES = "Bearer sales-team";
  private static final String SALES_NEXT = "Bearer sales-team-next";

  private final Authorizer authorizer = new Authorizer(new Tokens(Set.of("adm"), Map.of("orders-token", ORDERS),
      Map.of("sales-team", "sales", "sales-team-next", "sales")));

  @Test
  void tokenKey_oneKeyPerKnownToken_neverTheTokenItself() {
    assertThat(authorizer.tokenKey(ADMIN)).get().isEqualTo(authorizer.tokenKey("bearer adm").orElseThrow())
        .isNotEqualTo(authorizer.tokenKey(INGEST).orElseThrow()).asString().doesNotContain("adm");
    assertThat(authorizer.tokenKey(INGEST)).get().asString().doesNotContain("orders-token");
    assertThat(authorizer.tokenKey("Bearer unknown")).isEmpty();
    assertThat(authorizer.tokenKey(null)).isEmpty();
  }

  @Test
  void manageAlerts_adminForAnyDomain() {
    assertThat(authorizer.manageAlerts(ADMIN, "sales").allowed()).isTrue();
    assertThat(authorizer.manageAlerts(ADMIN, "finance").allowed()).isTrue();
    assertThat(authorizer.manageAllAlerts(ADMIN).allowed()).isTrue();
  }

  @Test
  void manageAlerts_domainTokenForItsOwnDomainOnly() {
    assertThat(authorizer.manageAlerts(SALES, "sales").allowed()).isTrue();
    assertThat(authorizer.manageAlerts(SALES_NEXT, "sales").allowed()).isTrue();

    assertThat(authorizer.manageAlerts(SALES, "finance"))
        .isEqualTo(new AuthDecision(Outcome.FORBIDDEN, "this token may only manage alerts of domain sales, not finance"));
    assertThat(authorizer.manageAllAlerts(SALES).outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(authorizer.manageAllAlerts(SALES).message()).contains("domain sales", "admin token");
  }

  @Test
  void manageAlerts_ingestTokensNever() {
    for (AuthDecision decision : new AuthDecision[] {
        authorizer.manageAlerts(INGEST, "sales"), authorizer.manageAllAlerts(INGEST)}) {
      assertThat(decision.outcome()).isEqualTo(Outcome.FORBIDDEN);
      assertThat(decision.outcome().httpStatus()).isEqualTo(403);
      assertThat(decision.message()).startsWith("ingest tokens cannot manage alerts");
    }
  }

  @Test
  void manageAlerts_missingOrUnknownTokensAreUnauthenticated() {
    assertThat(authorizer.manageAlerts(null, "sales").outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
    assertThat(authorizer.manageAlerts("Basic eA==", "sales").outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
    assertThat(authorizer.manageAlerts("Bearer nope", "sales"))
        .isEqualTo(new AuthDecision(Outcome.UNAUTHENTICATED, "unknown bearer token"));
  }

  @Test
  void domainOf_tellsDomainTokensFromTheRest() {
    assertThat(authorizer.domainOf(SALES)).contains("sales");
    assertThat(authorizer.domainOf("bearer  sales-team ")).contains("sales");
    assertThat(authorizer.domainOf(ADMIN)).isEmpty();
    assertThat(authorizer.domainOf(INGEST)).isEmpty();
    assertThat(authorizer.domainOf("Bearer nope")).isEmpty();
    assertThat(authorizer.domainOf(null)).isEmpty();
  }

  @Test
  void domainTokens_mayReadButNeitherWriteNorManageProducts() {
    assertThat(authorizer.authenticated(SALES).allowed()).isTrue();

    assertThat(authorizer.write(SALES, ORDERS).outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(authorizer.write(SALES, ORDERS).message()).contains("domain sales", "ingest token");
    assertThat(authorizer.admin(SALES).outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(authorizer.admin(SALES).message()).contains("admin token");
  }

  @Test
  void adminAndIngestTokens_keepTheirRights() {
    assertThat(authorizer.admin(ADMIN).allowed()).isTrue();
    assertThat(authorizer.write(ADMIN, LEDGER).allowed()).isTrue();
    assertThat(authorizer.write(INGEST, ORDERS).allowed()).isTrue();
    assertThat(authorizer.write(INGEST, LEDGER))
        .isEqualTo(new AuthDecision(Outcome.FORBIDDEN, "this token may only write product sales.orders, not finance.ledger"));
    assertThat(authorizer.admin(INGEST).outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(authorizer.authenticated(INGEST).allowed()).isTrue();
  }
}
