package io.meshwatch.dashboards.board;

import io.meshwatch.model.ProductId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable dashboard uids (Grafana allows 40 characters of {@code [a-zA-Z0-9_-]}), derived only from
 * what a dashboard shows, so regenerating updates a dashboard instead of adding a copy. Readable where
 * that cannot be ambiguous; otherwise a readable prefix and 8 hex digits of the SHA-256 of the name.
 */
final class Uids {
  static final int MAX = 40;
  static final String OVERVIEW = "meshwatch-overview";
  private static final String PREFIX = "meshwatch-";
  private static final String DOMAIN_PREFIX = PREFIX + "domain-";
  private static final int HASH_CHARS = 8;

  private Uids() {}

  /** {@code meshwatch-domain-<domain>}. */
  static String domain(String domain) {
    return fit(DOMAIN_PREFIX + domain, "domain:" + domain);
  }

  /**
   * {@code meshwatch-<domain>-<name>} when that names one product: the domain has no {@code -} (else
   * {@code a-b.c} and {@code a.b-c} would meet) and is not {@code domain} (else a product would take
   * a domain dashboard's uid).
   */
  static String product(ProductId id) {
    String readable = PREFIX + id.domain() + "-" + id.name();
    boolean unambiguous = !id.domain().contains("-") && !id.domain().equals("domain");
    return unambiguous ? fit(readable, "product:" + id) : hashed(readable, "product:" + id);
  }

  private static String fit(String readable, String identity) {
    return readable.length() <= MAX ? readable : hashed(readable, identity);
  }

  private static String hashed(String readable, String identity) {
    String prefix = readable.substring(0, Math.min(readable.length(), MAX - HASH_CHARS - 1));
    return prefix + "-" + sha256(identity).substring(0, HASH_CHARS);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
