package io.meshwatch.collector.demo;

import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The demo's products: 22 products in four domains, wired by upstream lineage, six of them
 * misbehaving. Thresholds are tight (minutes, not hours) so breaches show within two minutes.
 */
public final class DemoMesh {

  /** How often a demo collector evaluates: short enough that breaches show within two minutes. */
  public static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(5);
  /** When a demo agent counts as silent: short enough that the silent product shows within a minute. */
  public static final Duration SILENCE_TIMEOUT = Duration.ofSeconds(20);

  /** Rows a healthy demo run writes; the volume band is built around it. */
  static final long USUAL_ROWS = 10_000;

  private DemoMesh() {}

  public static List<DemoProduct> products() {
    List<DemoProduct> products = new ArrayList<>();
    add(products, "sales", "raw_orders", Behaviour.HEALTHY);
    add(products, "sales", "orders", Behaviour.HEALTHY, "sales.raw_orders");
    add(products, "sales", "order_items", Behaviour.QUALITY_FAILING, "sales.raw_orders");
    add(products, "sales", "returns", Behaviour.HEALTHY, "sales.orders");
    add(products, "sales", "daily_revenue", Behaviour.HEALTHY, "sales.orders", "sales.returns");
    add(products, "sales", "customer_ltv", Behaviour.HEALTHY, "sales.orders", "marketing.customers");

    add(products, "marketing", "customers", Behaviour.HEALTHY);
    add(products, "marketing", "campaigns", Behaviour.HEALTHY);
    add(products, "marketing", "attribution", Behaviour.STALE, "marketing.campaigns", "sales.orders");
    add(products, "marketing", "email_events", Behaviour.HEALTHY, "marketing.customers");
    add(products, "marketing", "segments", Behaviour.SILENT, "marketing.customers");

    add(products, "finance", "ledger", Behaviour.HEALTHY, "sales.daily_revenue");
    add(products, "finance", "invoices", Behaviour.HEALTHY, "sales.orders");
    add(products, "finance", "payments", Behaviour.RUNS_FAILING, "finance.invoices");
    add(products, "finance", "fx_rates", Behaviour.HEALTHY);
    add(products, "finance", "forecast", Behaviour.HEALTHY, "finance.ledger", "finance.fx_rates");

    add(products, "logistics", "shipments", Behaviour.VOLUME_DROP, "sales.orders");
    add(products, "logistics", "warehouses", Behaviour.HEALTHY);
    add(products, "logistics", "inventory", Behaviour.HEALTHY, "logistics.warehouses");
    add(products, "logistics", "carriers", Behaviour.HEALTHY);
    add(products, "logistics", "delivery_times", Behaviour.HEALTHY, "logistics.shipments", "logistics.carriers");
    add(products, "logistics", "stock_alerts", Behaviour.HEALTHY, "logistics.inventory");
    return List.copyOf(products);
  }

  private static void add(List<DemoProduct> products, String domain, String name, Behaviour behaviour,
      String... upstream) {
    ProductId id = new ProductId(domain, name);
    List<SloSpec> slos = List.of(
        slo("fresh-within-5m", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(5)), 99.0),
        slo("checks-pass", SliKind.QUALITY, null, 99.0),
        slo("volume-in-band", SliKind.VOLUME, new Threshold.RowBand(USUAL_ROWS / 2, USUAL_ROWS * 2), 95.0),
        slo("runs-succeed", SliKind.RUN_SUCCESS, null, 95.0),
        slo("reads-succeed", SliKind.AVAILABILITY, null, 99.5));
    DataProduct descriptor = new DataProduct(
        id,
        domain + "-team",
        List.of(new Contact(Contact.Kind.SLACK, "#" + domain + "-oncall")),
        "Demo product " + id + " (" + behaviour.name().toLowerCase(java.util.Locale.ROOT) + ")",
        List.of("demo", domain),
        "1.0.0",
        List.of(upstream).stream().map(ProductId::parse).toList(),
        new Links(URI.create("https://runbooks.example.com/" + domain + "/" + name), null),
        slos);
    products.add(new DemoProduct(descriptor, behaviour));
  }

  /** A 28-day SLO judged from its first minute: a demo has no day to wait for a minimum history. */
  private static SloSpec slo(String name, SliKind kind, @Nullable Threshold threshold, double objective) {
    SloWindow window = SloWindow.rolling(Duration.ofDays(28));
    return new SloSpec(name, kind, threshold, objective, window, List.of(), SloSpec.defaultConditions(window), Duration.ZERO);
  }
}
