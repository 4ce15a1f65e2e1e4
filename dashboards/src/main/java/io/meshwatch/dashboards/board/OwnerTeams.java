package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.DataProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The owner-team filter of the overview. The owner team is no label of the collector's metrics (it
 * lives in the descriptors), so the variable shows team names and its values are regexes of the
 * team's product ids, used as {@code product=~"$team"}. The ids go in unescaped: a product id is
 * {@code domain.name} without other dots, so the {@code .} matching any character still matches
 * only that id among valid ids, and the value holds no backslash for Grafana to re-escape.
 */
final class OwnerTeams {
  static final String ALL_TEAMS = "All teams";
  static final String ANY_PRODUCT = ".*";

  private OwnerTeams() {}

  static Variable variable(List<DataProduct> products) {
    SortedMap<String, TreeSet<String>> byTeam = new TreeMap<>();
    for (DataProduct product : products) {
      byTeam.computeIfAbsent(display(product.ownerTeam()), t -> new TreeSet<>()).add(product.id().toString());
    }
    List<Variable.Option> choices = new ArrayList<>();
    choices.add(new Variable.Option(ALL_TEAMS, ANY_PRODUCT, true));
    byTeam.forEach((team, ids) -> choices.add(new Variable.Option(team, String.join("|", ids), false)));
    return Variable.custom(Boards.TEAM_VARIABLE, "Owner team", choices);
  }

  // ',' and ' : ' separate a custom variable's options; a team name may hold them, its text must not.
  private static String display(String team) {
    return team.replace(",", ";").replace(" : ", " - ");
  }
}
