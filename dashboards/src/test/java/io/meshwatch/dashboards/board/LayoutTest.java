package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.PanelItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
  private final Layout layout = new Layout(DashboardOptions.DEFAULTS.datasource());

  @Test
  void add_fillsALineLeftToRightThenWrapsBelowItsTallestPanel() {
    layout.add(panel(12, 8)).add(panel(8, 4)).add(panel(8, 3)).add(panel(24, 2));

    assertThat(positions()).containsExactly(
        new GridPos(8, 12, 0, 0), new GridPos(4, 8, 12, 0), new GridPos(3, 8, 0, 8), new GridPos(2, 24, 0, 11));
  }

  @Test
  void row_startsItsOwnLineAndItsPanelsFollowIt() {
    layout.add(panel(6, 4)).row("Quality").add(panel(12, 8));

    assertThat(positions()).containsExactly(new GridPos(4, 6, 0, 0), new GridPos(1, 24, 0, 4), new GridPos(8, 12, 0, 5));
  }

  @Test
  void items_numberedInOrderWithQueriesLettered() {
    layout.row("first").add(panel(6, 4));

    List<PanelItem> items = layout.items();
    assertThat(((io.meshwatch.dashboards.grafana.Row) items.get(0)).id()).isEqualTo(1);
    io.meshwatch.dashboards.grafana.Panel panel = (io.meshwatch.dashboards.grafana.Panel) items.get(1);
    assertThat(panel.id()).isEqualTo(2);
    assertThat(panel.targets()).extracting(t -> t.refId()).containsExactly("A", "B");
    assertThat(panel.datasource()).isEqualTo(DashboardOptions.DEFAULTS.datasource());
  }

  @Test
  void refId_continuesPastZ() {
    assertThat(List.of(PanelSpec.refId(0), PanelSpec.refId(25), PanelSpec.refId(26), PanelSpec.refId(27)))
        .containsExactly("A", "Z", "AA", "AB");
  }

  private List<GridPos> positions() {
    return layout.items().stream().map(PanelItem::gridPos).toList();
  }

  private static PanelSpec panel(int width, int height) {
    return Panels.timeSeries("p", null, Fields.series(Fields.COUNT, null, null, Fields.plain()),
        List.of(Query.range("up", "a"), Query.range("up", "b"))).sized(width, height);
  }
}
