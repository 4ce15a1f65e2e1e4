package io.meshwatch.dashboards.rules;

import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A small mesh of descriptors: two domains, SLOs of several kinds, with and without runbooks. */
final class Mesh {
  private Mesh() {}

  static final DataProduct ORDERS = new DataProduct(ProductId.parse("sales.orders"), "sales-team",
      List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall")), "All orders, hourly", List.of(), "1.2.0", List.of(),
      new Links(URI.create("https://runbooks.example.com/sales/orders"), null),
      List.of(
          new SloSpec("quality-checks", SliKind.QUALITY, null, 99, Duration.ofDays(28)),
          new SloSpec("fresh-within-1h", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28))));

  static final DataProduct CUSTOMERS = new DataProduct(ProductId.parse("sales.customers"), "crm-team",
      List.of(), "", List.of(), "0.3.1", List.of(), Links.NONE,
      List.of(new SloSpec("reads", SliKind.AVAILABILITY, null, 99.9, Duration.ofDays(30))));

  static final DataProduct LEDGER = new DataProduct(ProductId.parse("finance.ledger"), "finance-team",
      List.of(), "", List.of(), "2.0.0", List.of(ProductId.parse("sales.orders")),
      new Links(URI.create("https://runbooks.example.com/finance/ledger"), null),
      List.of(new SloSpec("runs", SliKind.RUN_SUCCESS, null, 95, Duration.ofDays(7))));

  /** A product without SLOs still gets its silent-agent alert. */
  static final DataProduct FX_RATES = new DataProduct(ProductId.parse("finance.fx-rates"), "finance-team",
      List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of());

  static final List<DataProduct> ALL = List.of(ORDERS, LEDGER, CUSTOMERS, FX_RATES);
}
