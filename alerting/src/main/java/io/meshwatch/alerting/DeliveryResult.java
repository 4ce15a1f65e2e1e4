package io.meshwatch.alerting;

import org.jspecify.annotations.Nullable;

/**
 * What became of one delivery attempt. {@code statusCode} is the receiver's HTTP status, or 0 when no
 * response arrived; {@code error} says what went wrong and is null exactly when delivered;
 * {@code retryable} tells the sender whether another attempt could succeed (server errors, 429, 408,
 * timeouts and broken connections can; other rejections cannot).
 */
public record DeliveryResult(boolean delivered, int statusCode, @Nullable String error, boolean retryable) {

  public DeliveryResult {
    if (delivered && (error != null || retryable)) {
      throw new IllegalArgumentException("a delivered notification has no error and needs no retry");
    }
    if (!delivered && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a failed delivery needs an error");
    }
  }

  /** The receiver accepted the notification with {@code statusCode}. */
  public static DeliveryResult delivered(int statusCode) {
    return new DeliveryResult(true, statusCode, null, false);
  }

  /**
   * The receiver answered {@code statusCode} (not 2xx); retryable for 5xx, 429 and 408 (the receiver
   * timed the request out).
   */
  public static DeliveryResult rejected(int statusCode, String responseBody) {
    String error = "HTTP " + statusCode + (responseBody.isBlank() ? "" : ": " + responseBody.strip());
    return new DeliveryResult(false, statusCode, error, statusCode >= 500 || statusCode == 429 || statusCode == 408);
  }

  /** No response arrived, e.g. a timeout or a refused connection. */
  public static DeliveryResult failed(String error, boolean retryable) {
    return new DeliveryResult(false, 0, error, retryable);
  }
}
