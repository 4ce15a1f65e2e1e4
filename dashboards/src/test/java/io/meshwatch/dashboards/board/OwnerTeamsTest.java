package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OwnerTeamsTest {
  /** Among valid ids (one dot): an unescaped dot matches only itself there. */
  @Test
  void variable_eachTeamSelectsExactlyItsProducts() {
    Variable team = OwnerTeams.variable(Mesh.ALL);

    assertThat(team.type()).isEqualTo("custom");
    assertThat(team.multi()).isFalse();
    assertThat(team.current().value()).isEqualTo(OwnerTeams.ANY_PRODUCT);
    Variable.Option finance = team.options().stream().filter(o -> o.text().equals("finance-team")).findFirst().orElseThrow();
    Pattern regex = Pattern.compile(finance.value());
    assertThat(List.of("finance.ledger", "finance.fx-rates")).allMatch(id -> regex.matcher(id).matches());
    assertThat(List.of("sales.orders", "finance.ledgers", "finance.fx-rate", "financ.eledger")).noneMatch(id -> regex.matcher(id).matches());
  }

  @Test
  void variable_teamNamesCannotBreakTheOptionList() {
    DataProduct odd = new DataProduct(ProductId.parse("x.y"), "ops, data : eu", List.of(), "", List.of(), "1.0.0",
        List.of(), Links.NONE, List.of());

    Variable team = OwnerTeams.variable(List.of(odd));

    assertThat(team.query()).isEqualTo("All teams : .*,ops; data - eu : x.y");
  }
}
