package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLO fields beyond the objective: calendar windows, exclusions, alerting conditions, minimum history, learned thresholds. */
class SloPolicyReaderTest {

  private static final String HEAD = """
      id: sales.orders
      owner: sales-team
      version: 1.0.0
      slos:
      """;

  private final DescriptorParser parser = new DescriptorParser();

  @Test
  void parse_calendarWindowWithZoneExclusionsAndConditions() {
    SloSpec slo = onlySlo("""
          - name: checks-pass
            sli: quality
            objective: 99
            window: month
            timeZone: Europe/Berlin
            minHistory: 2d
            exclude:
              - {reason: christmas freeze, start: 2026-12-24T00:00:00Z, end: 2026-12-27T00:00:00Z}
            alerting:
              - {severity: page, longWindow: 1h, shortWindow: 5m, budgetConsumed: 2%}
              - {severity: ticket, longWindow: 3d, shortWindow: 6h, budgetConsumed: 12.5%}
        """);

    assertThat(slo.window()).isEqualTo(new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")));
    assertThat(slo.minHistory()).isEqualTo(Duration.ofDays(2));
    assertThat(slo.exclusions()).containsExactly(new Exclusion("christmas freeze",
        Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z")));
    assertThat(slo.burnConditions()).containsExactly(
        new BurnCondition(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02),
        new BurnCondition(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.125));
  }

  @Test
  void parse_defaultsAreTheSreWorkbookConditionsThatFitAndALearnedThreshold() {
    SloSpec slo = onlySlo("  - {name: fresh, sli: freshness, objective: 99, window: 1d}\n");

    assertThat(slo.learnsThreshold()).isTrue();
    assertThat(slo.window()).isEqualTo(SloWindow.rolling(Duration.ofDays(1)));
    assertThat(slo.burnConditions()).extracting(BurnCondition::label)
        .containsExactly("page-1h-5m", "page-6h-30m", "ticket-1d-2h");
    assertThat(slo.minHistory()).isEqualTo(SloSpec.defaultMinHistory(slo.window()));
  }

  @Test
  void parse_eachBadPolicyFieldIsNamed() {
    List<String> problems = problems("""
          - name: a
            sli: quality
            objective: 99
            window: 28d
            timeZone: Europe/Berlin
          - name: b
            sli: quality
            objective: 99
            window: month
            timeZone: Mars/Olympus
            exclude:
              - {reason: freeze, start: 2026-12-27T00:00:00Z, end: 2026-12-24T00:00:00Z}
              - {start: yesterday, end: 2026-12-24T00:00:00Z}
          - name: c
            sli: quality
            objective: 99
            window: 7d
            alerting:
              - {severity: sev1, longWindow: 1h, shortWindow: 5m, budgetConsumed: 2}
              - {severity: page, longWindow: 30d, shortWindow: 1h, budgetConsumed: 2%}
              - {severity: page, longWindow: 1h, shortWindow: 2h, budgetConsumed: 2%}
          - {name: d, sli: quality, objective: 99, window: 7d, alerting: []}
        """);

    assertThat(problems).containsExactly(
        "orders.yaml:9: slos[0].timeZone: only a calendar window (week, month, quarter) takes a time zone; window 28d is rolling",
        "orders.yaml:14: slos[1].timeZone: must be a time zone such as UTC or Europe/Berlin, got 'Mars/Olympus'",
        "orders.yaml:16: slos[1].exclude[0].end: must be after start (2026-12-27T00:00:00Z), got 2026-12-24T00:00:00Z",
        "orders.yaml:17: slos[1].exclude[1].reason: is required",
        "orders.yaml:17: slos[1].exclude[1].start: must be a UTC time such as 2026-12-24T00:00:00Z, got 'yesterday'",
        "orders.yaml:23: slos[2].alerting[0].severity: must be page or ticket, got 'sev1'",
        "orders.yaml:23: slos[2].alerting[0].budgetConsumed: must be a percentage of the error budget above 0% and at most"
            + " 100%, such as 2%, got '2'",
        "orders.yaml:24: slos[2].alerting[1].longWindow: must not look back further than the SLO window 7d, got 30d",
        "orders.yaml:25: slos[2].alerting[2]: a burn condition's short window must be shorter than its long window, got PT2H and PT1H",
        "orders.yaml:26: slos[3].alerting: must list at least one condition, or be left out for the SRE workbook's defaults");
  }

  @Test
  void toMap_writesPolicyFieldsThatReadBackToTheSameSlo() throws Exception {
    DataProduct product = parser.parse("orders.yaml", HEAD + """
          - name: checks-pass
            sli: quality
            objective: 99
            window: quarter
            timeZone: America/New_York
            minHistory: 3d
            exclude:
              - {reason: migration, start: 2026-02-01T00:00:00Z, end: 2026-02-01T06:00:00Z}
            alerting:
              - {severity: page, longWindow: 2h, shortWindow: 10m, budgetConsumed: 7%}
        """).products().get(0);

    String json = new ObjectMapper().writeValueAsString(DescriptorJson.toMap(product));

    assertThat(parser.parse("orders.json", json).products()).containsExactly(product);
    assertThat(json).contains("\"budgetConsumed\":\"7%\"", "\"timeZone\":\"America/New_York\"", "\"minHistory\":\"3d\"");
  }

  private SloSpec onlySlo(String slos) {
    ParseResult result = parser.parse("orders.yaml", HEAD + slos);
    assertThat(result.problems()).isEmpty();
    return result.products().get(0).slos().get(0);
  }

  private List<String> problems(String slos) {
    return parser.parse("orders.yaml", HEAD + slos).problems().stream().map(Object::toString).toList();
  }
}
