package io.meshwatch.collector.ingest;

/**
 * The body could not be parsed at all (not protobuf, not JSON, or not the expected shape), so there
 * is nothing to accept or reject point by point. The message says what is wrong, e.g. the parser's
 * own error with its position.
 */
public final class MalformedPayloadException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String message) {
    super(message);
  }

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
