package io.meshwatch.dashboards.board;

import java.util.List;

/** A row heading and the panels under it. */
record Section(String title, List<PanelSpec> panels) {
  Section {
    panels = List.copyOf(panels);
  }
}
