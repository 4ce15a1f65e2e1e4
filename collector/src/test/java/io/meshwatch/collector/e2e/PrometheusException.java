package io.meshwatch.collector.e2e;

/**
 * Prometheus answered a request with an error: the request (for a query, the PromQL), the HTTP
 * status, Prometheus's {@code errorType} (e.g. {@code bad_data}) and its message.
 */
final class PrometheusException extends RuntimeException {

  private final String request;
  private final int httpStatus;
  private final String errorType;
  private final String error;

  PrometheusException(String request, int httpStatus, String errorType, String error) {
    super("Prometheus refused " + request + " (HTTP " + httpStatus + ", " + errorType + "): " + error);
    this.request = request;
    this.httpStatus = httpStatus;
    this.errorType = errorType;
    this.error = error;
  }

  /**
   * Whether the query itself is wrong (400: it does not parse; 422: it cannot be executed, e.g. a
   * many-to-many match), so asking again cannot help, as opposed to Prometheus being busy or away.
   */
  boolean badQuery() {
    return httpStatus == 400 || httpStatus == 422;
  }

  String request() {
    return request;
  }

  int httpStatus() {
    return httpStatus;
  }

  String errorType() {
    return errorType;
  }

  /** Prometheus's own message. */
  String error() {
    return error;
  }
}
