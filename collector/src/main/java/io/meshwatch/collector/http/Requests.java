package io.meshwatch.collector.http;

import io.vertx.ext.web.RoutingContext;
import org.jspecify.annotations.Nullable;

/** What the handlers read off a request, read one way everywhere. */
final class Requests {

  private Requests() {}

  /** The body as {@link BodyGate} read it (inflated); empty when there was none. */
  static byte[] body(RoutingContext ctx) {
    byte[] body = ctx.get(BodyGate.BODY);
    return body == null ? new byte[0] : body;
  }

  /** The raw {@code Authorization} header, for the {@code Authorizer}. */
  static @Nullable String authorization(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization");
  }
}
