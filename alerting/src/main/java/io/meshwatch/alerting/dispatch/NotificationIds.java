package io.meshwatch.alerting.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Notification ids: 16 hex digits of SHA-256 over a group's identity and the notification's
 * sequence number in that group. A notification made again after a crash gets the id it had, so the
 * outbox recognises it. Not thread-safe: used under the dispatcher's lock.
 */
final class NotificationIds {
  private static final HexFormat HEX = HexFormat.of();
  private final MessageDigest sha256;

  NotificationIds() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  String of(String groupIdentity, long sequence) {
    sha256.update(groupIdentity.getBytes(StandardCharsets.UTF_8));
    // The separator cannot end a group identity (it ends with '}'), so identity and number stay apart.
    sha256.update(("\n" + sequence).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(sha256.digest(), 0, 8);
  }
}
