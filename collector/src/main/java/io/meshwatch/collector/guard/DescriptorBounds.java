package io.meshwatch.collector.guard;

import io.meshwatch.model.SliKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The bounds of data product descriptors (docs/DESCRIPTORS.md), YAML or JSON, whether read from files,
 * by {@code meshwatch validate} or from {@code POST /api/v1/products}: every field by its path, list
 * items as {@code []}. Windows, thresholds and burn-rate windows are at most 366d, which the store
 * holds and every time computation takes far from overflow.
 */
public final class DescriptorBounds {

  public static final String TRANSPORT = "descriptor";
  /** The longest SLO window, threshold or burn-rate window. */
  public static final Duration MAX_WINDOW = Bounds.MAX_DURATION;

  public static final BoundsTable TABLE = new BoundsTable(TRANSPORT, List.of(
      Field.of("id", new Bound.Text(1, 127)),
      Field.of("domain", new Bound.Text(1, 63)),
      Field.of("owner", Bounds.NAME),
      Field.of("onCall", new Bound.Items(32)),
      Field.of("onCall[]", Bounds.SECTION),
      Field.of("onCall[].slack", Bounds.NAME),
      Field.of("onCall[].email", Bounds.NAME),
      Field.of("onCall[].pagerduty", Bounds.NAME),
      Field.of("onCall[].webhook", Bounds.LOCATION),
      Field.of("description", Bounds.PROSE),
      Field.of("tags", new Bound.Items(64)),
      Field.of("tags[]", Bounds.NAME),
      Field.of("version", Bounds.IDENTIFIER),
      Field.of("upstream", new Bound.Items(256)),
      Field.of("upstream[]", new Bound.Text(1, 127)),
      Field.of("links", Bounds.SECTION),
      Field.of("links.runbook", Bounds.LOCATION),
      Field.of("links.docs", Bounds.LOCATION),
      Field.of("links.dashboard", Bounds.LOCATION),
      Field.of("slos", new Bound.Items(100)),
      Field.of("slos[]", Bounds.SECTION),
      Field.of("slos[].name", new Bound.Text(1, 63)),
      Field.of("slos[].sli", new Bound.Choice(Arrays.stream(SliKind.values()).map(SliKind::label).toList())),
      Field.of("slos[].threshold", Bounds.POSITIVE_DURATION),
      Field.of("slos[].threshold.min", Bounds.COUNT),
      Field.of("slos[].threshold.max", Bounds.COUNT),
      Field.of("slos[].objective", new Bound.Number(0, false, 100, false)),
      Field.of("slos[].window", Bounds.WINDOW),
      Field.of("slos[].timeZone", Bounds.IDENTIFIER),
      Field.of("slos[].exclude", new Bound.Items(256)),
      Field.of("slos[].exclude[]", Bounds.SECTION),
      Field.of("slos[].exclude[].reason", Bounds.NAME),
      Field.of("slos[].exclude[].start", Bounds.DECLARED_TIME),
      Field.of("slos[].exclude[].end", Bounds.DECLARED_TIME),
      Field.of("slos[].alerting", new Bound.Items(16)),
      Field.of("slos[].alerting[]", Bounds.SECTION),
      Field.of("slos[].alerting[].severity", new Bound.Choice(List.of("page", "ticket"))),
      Field.of("slos[].alerting[].longWindow", new Bound.Span(Duration.ofMinutes(1), MAX_WINDOW)),
      Field.of("slos[].alerting[].shortWindow", new Bound.Span(Duration.ofMinutes(1), MAX_WINDOW)),
      Field.of("slos[].alerting[].budgetConsumed", new Bound.Number(0, false, 100, true)),
      Field.of("slos[].minHistory", Bounds.DURATION)));

  private DescriptorBounds() {}
}
