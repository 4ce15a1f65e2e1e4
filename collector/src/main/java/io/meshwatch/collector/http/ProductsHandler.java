package io.meshwatch.collector.http;

import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The product catalog's REST resource: list, read, and register or update a descriptor. */
final class ProductsHandler {

  private final HttpServices services;
  private final DescriptorParser parser = new DescriptorParser();

  ProductsHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    List<Map<String, Object>> products = services.catalog().all().stream()
        .map(p -> StatusJson.product(p, services.engine().status(p.id()).orElse(null)))
        .toList();
    Responses.json(ctx, 200, Map.of("products", products, "count", products.size()));
  }

  void get(RoutingContext ctx) {
    Optional<ProductId> id = productId(ctx);
    if (id.isEmpty()) {
      return;
    }
    Optional<DataProduct> product = services.catalog().find(id.get());
    if (product.isEmpty()) {
      Responses.error(ctx, 404, "unknown product '" + id.get() + "'");
      return;
    }
    Responses.json(ctx, 200, StatusJson.product(product.get(), services.engine().status(id.get()).orElse(null)));
  }

  /** Before the body: registering takes an admin token. */
  boolean beforeBody(RoutingContext ctx) {
    AuthDecision auth = services.authorizer().admin(Requests.authorization(ctx));
    if (!auth.allowed()) {
      Responses.error(ctx, auth.outcome().httpStatus(), auth.message());
      return false;
    }
    return true;
  }

  void register(RoutingContext ctx) {
    String text = new String(Requests.body(ctx), StandardCharsets.UTF_8);
    ParseResult parsed = parser.parse("request body", text);
    if (parsed.hasErrors() || parsed.products().size() != 1) {
      List<String> problems = parsed.problems().stream().map(DescriptorProblem::toString).toList();
      String message = parsed.hasErrors()
          ? "invalid descriptor: " + problems.size() + " problem(s)"
          : "the body must hold exactly one descriptor, got " + parsed.products().size();
      services.ingestMetrics().rejected(RejectReason.INVALID_VALUE, 1);
      Responses.error(ctx, 400, message, Map.of("problems", problems));
      return;
    }
    DataProduct product = parsed.products().get(0);
    ctx.vertx()
        .executeBlocking(() -> {
          services.descriptorStore().save(product);
          return services.catalog().register(product);
        })
        .onSuccess(created -> {
          ctx.response().putHeader("Location", "/api/v1/products/" + product.id());
          Responses.json(ctx, created ? 201 : 200, StatusJson.product(product, null));
        })
        .onFailure(e -> Refusals.send(ctx, Refusal.unavailable("could not store the descriptor: " + e.getMessage(),
            services.server().retryAfter())));
  }

  /** The {@code id} path parameter, or empty after answering 400 for a malformed id. */
  static Optional<ProductId> productId(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Optional.of(ProductId.parse(raw));
    } catch (IllegalArgumentException e) {
      Responses.error(ctx, 400, e.getMessage());
      return Optional.empty();
    }
  }
}
