package io.meshwatch.collector.http;

import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.MalformedPayloadException;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.ingest.Rejection;
import io.meshwatch.model.ProductId;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/products/{id}/events}: plain JSON events for producers without OpenTelemetry.
 * All or nothing: one bad event rejects the request, listing every problem.
 */
final class EventsHandler {

  private final HttpServices services;

  EventsHandler(HttpServices services) {
    this.services = services;
  }

  /** Before the body: the product id, the token's right to write it, and that the product is known. */
  boolean beforeBody(RoutingContext ctx) {
    Optional<ProductId> id = ProductsHandler.productId(ctx);
    if (id.isEmpty()) {
      services.ingestMetrics().rejected(RejectReason.INVALID_PRODUCT, 1);
      return false;
    }
    AuthDecision auth = services.authorizer().write(Requests.authorization(ctx), id.get());
    if (!auth.allowed()) {
      services.countRefusal(auth);
      Responses.error(ctx, auth.outcome().httpStatus(), auth.message());
      return false;
    }
    if (!services.catalog().contains(id.get())) {
      services.ingestMetrics().rejected(RejectReason.UNKNOWN_PRODUCT, 1);
      Responses.error(ctx, 404, "unknown product '" + id.get() + "'; register its descriptor first");
      return false;
    }
    Optional<Refusal> overBudget = services.overProductBudget(List.of(id.get()));
    overBudget.ifPresent(refusal -> Refusals.send(ctx, refusal));
    return overBudget.isEmpty();
  }

  void handle(RoutingContext ctx) {
    ProductId id = ProductsHandler.productId(ctx).orElseThrow(); // beforeBody checked it
    DecodeResult result;
    try {
      byte[] body = Requests.body(ctx);
      result = services.events().decode(id, body);
    } catch (MalformedPayloadException e) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      Responses.error(ctx, 400, "malformed events: " + e.getMessage());
      return;
    }
    if (!result.rejections().isEmpty()) {
      services.countRejections(result);
      List<String> problems = result.rejections().stream().map(Rejection::message).toList();
      Responses.error(ctx, 400, "rejected " + problems.size() + " problem(s): " + result.errorMessage(),
          Map.of("problems", problems, "reasons", result.rejections().stream().map(r -> r.reason().label()).distinct().toList()));
      return;
    }
    if (!services.accept("events", result.signals())) {
      Refusals.send(ctx, services.cannotStore("the events"));
      return;
    }
    Responses.json(ctx, 202, Map.of("accepted", result.signals().size()));
  }
}
