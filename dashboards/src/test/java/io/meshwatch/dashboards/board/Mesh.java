package io.meshwatch.dashboards.board;

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
import java.time.ZoneId;
import java.util.List;

/**
 * A small mesh for the dashboards: three domains; SLOs of every kind, declared and learned
 * thresholds, rolling and calendar windows, custom burn conditions; a product without SLOs; links
 * present and absent.
 */
public final class Mesh {
  private Mesh() {}

  static final DataProduct ORDERS = new DataProduct(ProductId.parse("sales.orders"), "sales-team",
      List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall")), "All orders, hourly", List.of(), "1.2.0", List.of(),
      new Links(URI.create("https://runbooks.example.com/sales/orders"), URI.create("https://docs.example.com/orders"),
          URI.create("https://grafana.example.com/d/sales-team")),
      List.of(
          new SloSpec("quality-checks", SliKind.QUALITY, null, 99, Duration.ofDays(28)),
          new SloSpec("fresh-within-1h", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28))));

  static final DataProduct CUSTOMERS = new DataProduct(ProductId.parse("sales.customers"), "crm-team",
      List.of(), "", List.of(), "0.3.1", List.of(ProductId.parse("sales.orders")), Links.NONE,
      List.of(new SloSpec("reads", SliKind.AVAILABILITY, null, 99.9, Duration.ofDays(30))));

  static final DataProduct LEDGER = new DataProduct(ProductId.parse("finance.ledger"), "finance-team",
      List.of(new Contact(Contact.Kind.PAGERDUTY, "finance-ledger")), "", List.of(), "2.0.0",
      List.of(ProductId.parse("sales.orders"), ProductId.parse("external.rates")),
      new Links(URI.create("https://runbooks.example.com/finance/ledger"), null),
      List.of(new SloSpec("runs", SliKind.RUN_SUCCESS, null, 95, Duration.ofDays(7))));

  /** A product without SLOs: signal rows only. */
  static final DataProduct FX_RATES = new DataProduct(ProductId.parse("finance.fx-rates"), "finance-team",
      List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of());

  /** A declared volume band, a learned freshness threshold over a calendar month, one custom burn condition. */
  static final DataProduct SHIPMENTS = new DataProduct(ProductId.parse("logistics.shipments"), "logistics-team",
      List.of(), "Shipments per carrier", List.of(), "3.1.0", List.of(), Links.NONE,
      List.of(
          new SloSpec("volume-in-band", SliKind.VOLUME, new Threshold.RowBand(5_000, 20_000), 95, Duration.ofDays(28)),
          new SloSpec("fresh-monthly", SliKind.FRESHNESS, null, 99,
              new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")), List.of(),
              List.of(new BurnCondition(Severity.PAGE, Duration.ofHours(12), Duration.ofHours(1), 0.1)), Duration.ofDays(1))));

  /** Every product above. */
  public static final List<DataProduct> ALL = List.of(ORDERS, LEDGER, CUSTOMERS, FX_RATES, SHIPMENTS);
}
