package io.meshwatch.alerting;

import io.meshwatch.model.ProductId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an alert: 16 hex digits of SHA-256 over product, SLO and condition. Labels and
 * annotations are left out on purpose, so that a new owner team or a changed runbook does not turn
 * one alert into another (receivers dedup by it, e.g. PagerDuty's {@code dedup_key}).
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(ProductId product, String slo, AlertCondition condition) {
    // The separator cannot occur in product ids, SLO names or condition keys.
    return ofText(product + "\n" + slo + "\n" + condition.key());
  }

  /** 16 hex digits of SHA-256 over {@code identity}. */
  static String ofText(String identity) {
    return HexFormat.of().formatHex(sha256(identity.getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
