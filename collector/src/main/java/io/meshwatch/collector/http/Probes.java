package io.meshwatch.collector.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** The liveness and readiness endpoints, answered even when the collector refuses everything else. */
final class Probes {

  static final String HEALTH = "/health";
  static final String READY = "/ready";

  private Probes() {}

  static boolean isProbe(HttpServerRequest request) {
    return request.method() == HttpMethod.GET && (HEALTH.equals(request.path()) || READY.equals(request.path()));
  }
}
