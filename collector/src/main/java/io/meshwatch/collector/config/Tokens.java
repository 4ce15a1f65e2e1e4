package io.meshwatch.collector.config;

import io.meshwatch.model.ProductId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens the collector accepts: admin tokens may change descriptors and manage every
 * alert; an ingest token lets one product's pipelines report for that product only; a domain token
 * lets a domain's team manage (silence, acknowledge) the alerts of its own domain's products. No
 * token is used twice.
 *
 * @param admin the admin tokens
 * @param ingest each ingest token and the product it reports for
 * @param domain each domain token and the domain whose alerts it manages
 */
public record Tokens(Set<String> admin, Map<String, ProductId> ingest, Map<String, String> domain) {

  /** No tokens at all: the collector then runs open, for local use and the demo. */
  public static final Tokens NONE = new Tokens(Set.of(), Map.of(), Map.of());

  // the domain part of a ProductId
  static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  public Tokens {
    admin = Set.copyOf(admin);
    ingest = Map.copyOf(ingest);
    domain = Map.copyOf(domain);
    Set<String> all = new HashSet<>(admin);
    for (String token : ingest.keySet()) {
      if (!all.add(token)) {
        throw new IllegalArgumentException("a token cannot be both an admin and an ingest token");
      }
    }
    for (Map.Entry<String, String> entry : domain.entrySet()) {
      if (!all.add(entry.getKey())) {
        throw new IllegalArgumentException("a domain token cannot also be an admin or an ingest token");
      }
      if (!DOMAIN.matcher(entry.getValue()).matches()) {
        throw new IllegalArgumentException(
            "a token's domain must match " + DOMAIN.pattern() + ", got '" + entry.getValue() + "'");
      }
    }
    if (all.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("tokens must not be blank");
    }
  }

  /** Admin and ingest tokens only, as before domain tokens existed. */
  public Tokens(Set<String> admin, Map<String, ProductId> ingest) {
    this(admin, ingest, Map.of());
  }

  public boolean isEmpty() {
    return admin.isEmpty() && ingest.isEmpty() && domain.isEmpty();
  }

  public boolean isAdmin(String token) {
    return admin.contains(token);
  }

  /** The product an ingest token reports for. */
  public Optional<ProductId> productOf(String token) {
    return Optional.ofNullable(ingest.get(token));
  }

  /** The domain a domain token manages alerts for. */
  public Optional<String> domainOf(String token) {
    return Optional.ofNullable(domain.get(token));
  }

  /** Counts only: tokens are secrets and must not reach logs. */
  @Override
  public String toString() {
    return "Tokens[" + admin.size() + " admin, " + ingest.size() + " ingest, " + domain.size() + " domain]";
  }
}
