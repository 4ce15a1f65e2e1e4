package io.meshwatch.collector.ingest;

import java.util.Locale;

/** Why ingest refused a request or a point; the {@code reason} label of {@code meshwatch_ingest_rejected_total}. */
public enum RejectReason {
  MALFORMED,
  UNKNOWN_PRODUCT,
  INVALID_PRODUCT,
  INVALID_VALUE,
  FUTURE_TIMESTAMP,
  TOO_LATE,
  TOO_MANY_SERIES,
  BODY_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE,
  UNAUTHENTICATED,
  FORBIDDEN,
  /** The collector could not make the signals durable (disk full, I/O error); the client should retry. */
  STORAGE_FAILED,
  /** The collector as a whole had too many requests in flight (503); the client should retry. */
  OVERLOADED,
  /** The request's HTTP framing was broken, e.g. a bad chunk in a chunked body (400). */
  MALFORMED_FRAMING,
  /** The product or token was over its own rate budget (429); the client should retry after the wait it was told. */
  RATE_LIMITED;

  /** The label value, lower_snake_case, e.g. {@code unknown_product}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
