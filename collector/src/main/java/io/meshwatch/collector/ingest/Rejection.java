package io.meshwatch.collector.ingest;

/**
 * One problem ingest found: a point, an event or a whole resource it could not use.
 *
 * @param message says what is wrong, naming the product, the metric or field, and the bad value
 */
public record Rejection(RejectReason reason, String message) {
  public Rejection {
    if (reason == null) {
      throw new IllegalArgumentException("rejection needs a reason");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("rejection " + reason + " needs a message");
    }
  }
}
