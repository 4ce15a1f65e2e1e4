package io.meshwatch.collector.config;

import io.meshwatch.model.ProductId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the collector accepts: admin tokens may change descriptors; an ingest token lets
 * one product's pipelines report for that product only. No token is used twice.
 *
 * @param admin the admin tokens
 * @param ingest each ingest token and the product it reports for
 */
public record Tokens(Set<String> admin, Map<String, ProductId> ingest) {

  /** No tokens at all: the collector then runs open, for local use and the demo. */
  public static final Tokens NONE = new Tokens(Set.of(), Map.of());

  public Tokens {
    admin = Set.copyOf(admin);
    ingest = Map.copyOf(ingest);
    Set<String> all = new HashSet<>(admin);
    for (String token : ingest.keySet()) {
      if (!all.add(token)) {
        throw new IllegalArgumentException("a token cannot be both an admin and an ingest token");
      }
    }
    if (all.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("tokens must not be blank");
    }
  }

  public boolean isEmpty() {
    return admin.isEmpty() && ingest.isEmpty();
  }

  public boolean isAdmin(String token) {
    return admin.contains(token);
  }

  /** The product an ingest token reports for. */
  public Optional<ProductId> productOf(String token) {
    return Optional.ofNullable(ingest.get(token));
  }

  /** Counts only: tokens are secrets and must not reach logs. */
  @Override
  public String toString() {
    return "Tokens[" + admin.size() + " admin, " + ingest.size() + " ingest]";
  }
}
