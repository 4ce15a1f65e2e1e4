package io.meshwatch.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A data product as its descriptor declares it: who owns it, how to reach them, what it depends on
 * and what it promises (its SLOs).
 *
 * <pre>{@code
 * DataProduct orders = new DataProduct(ProductId.parse("sales.orders"), "sales-team",
 *     List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall")), "All orders, hourly",
 *     List.of("pii"), "1.2.0", List.of(ProductId.parse("sales.raw_orders")), Links.NONE, slos);
 * }</pre>
 */
public record DataProduct(
    ProductId id,
    String ownerTeam,
    List<Contact> onCall,
    String description,
    List<String> tags,
    String version,
    List<ProductId> upstream,
    Links links,
    List<SloSpec> slos) {

  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  public DataProduct {
    if (id == null) {
      throw new IllegalArgumentException("data product needs an id");
    }
    if (ownerTeam == null || ownerTeam.isBlank()) {
      throw new IllegalArgumentException("data product " + id + " needs an owner team");
    }
    if (version == null || !SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "data product " + id + " version must be semver (e.g. 1.2.0), got '" + version + "'");
    }
    onCall = List.copyOf(onCall);
    description = description == null ? "" : description;
    tags = List.copyOf(tags);
    upstream = List.copyOf(upstream);
    links = links == null ? Links.NONE : links;
    slos = List.copyOf(slos);
    if (upstream.contains(id)) {
      throw new IllegalArgumentException("data product " + id + " cannot be its own upstream");
    }
    Set<String> names = new HashSet<>();
    for (SloSpec slo : slos) {
      if (!names.add(slo.name())) {
        throw new IllegalArgumentException("data product " + id + " declares SLO '" + slo.name() + "' twice");
      }
    }
  }

  /** The domain that owns the product (the first part of its id). */
  public String domain() {
    return id.domain();
  }
}
