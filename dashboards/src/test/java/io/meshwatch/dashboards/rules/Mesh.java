package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** A small mesh of descriptors: two domains, SLOs of several kinds and windows
 * (rolling, calendar month, a condition of its own), with and without runbooks. */
final class Mesh {
  private Mesh() {}

  static final DataProduct ORDERS = new DataProduct(ProductId.parse("sales.orders"), "sales-team",
      List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall")), "All orders, hourly", List.of(), "1.2.0", List.of(),
      new Links(URI.create("https://runbooks.example.com/sales/orders"), null),
      List.of(
          new SloSpec("quality-checks", SliKind.QUALITY, null, 99, Duration.ofDays(28)),
          new SloSpec("fresh-within-1h", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28))));

  /** One page condition of its own, 5 % of the budget in 12h and 1h: a 30-day threshold of 3, and no ticket alert. */
  static final BurnCondition CUSTOM_PAGE = new BurnCondition(Severity.PAGE, Duration.ofHours(12), Duration.ofHours(1), 0.05);

  static final DataProduct CUSTOMERS = new DataProduct(ProductId.parse("sales.customers"), "crm-team",
      List.of(), "", List.of(), "0.3.1", List.of(), Links.NONE,
      List.of(new SloSpec("reads", SliKind.AVAILABILITY, null, 99.9, SloWindow.rolling(Duration.ofDays(30)), List.of(),
          List.of(CUSTOM_PAGE), Duration.ofDays(1))));

  static final SloWindow MONTH = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneOffset.UTC);

  /** A rolling 7-day SLO, and a calendar-month one whose thresholds follow the month's length. */
  static final DataProduct LEDGER = new DataProduct(ProductId.parse("finance.ledger"), "finance-team",
      List.of(), "", List.of(), "2.0.0", List.of(ProductId.parse("sales.orders")),
      new Links(URI.create("https://runbooks.example.com/finance/ledger"), null,
          URI.create("https://grafana.example.com/d/finance-ledger")),
      List.of(
          new SloSpec("runs", SliKind.RUN_SUCCESS, null, 95, Duration.ofDays(7)),
          new SloSpec("closed-monthly", SliKind.QUALITY, null, 99, MONTH, List.of(),
              SloSpec.defaultConditions(MONTH), Duration.ofDays(1))));

  /** A product without SLOs still gets its silent-agent alert. */
  static final DataProduct FX_RATES = new DataProduct(ProductId.parse("finance.fx-rates"), "finance-team",
      List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of());

  static final List<DataProduct> ALL = List.of(ORDERS, LEDGER, CUSTOMERS, FX_RATES);
}
