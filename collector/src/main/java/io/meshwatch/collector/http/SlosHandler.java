package io.meshwatch.collector.http;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SLOs across the mesh, as of the last evaluation: {@code GET /api/v1/slos} filtered by domain,
 * product and state, and {@code GET /api/v1/products/{id}/slos/{name}} for one.
 */
final class SlosHandler {

  private static final List<String> STATES = Arrays.stream(SloState.values()).map(SloState::label).toList();

  private final HttpServices services;

  SlosHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    String domain = ctx.queryParams().get("domain");
    String product = ctx.queryParams().get("product");
    String state = ctx.queryParams().get("status");
    if (state != null && !STATES.contains(state)) {
      Responses.error(ctx, 400, "status must be one of " + STATES + ", got '" + state + "'");
      return;
    }
    Predicate<ProductStatus> productMatches = s -> (domain == null || s.product().domain().equals(domain))
        && (product == null || s.product().toString().equals(product));
    List<Map<String, Object>> slos = new ArrayList<>();
    for (ProductStatus status : services.engine().statuses()) {
      if (!productMatches.test(status)) {
        continue;
      }
      for (SloStatus slo : status.slos()) {
        if (state == null || slo.state().label().equals(state)) {
          slos.add(view(status, slo));
        }
      }
    }
    Responses.json(ctx, 200, Map.of("slos", slos, "count", slos.size()));
  }

  void get(RoutingContext ctx) {
    Optional<ProductId> id = ProductsHandler.productId(ctx);
    if (id.isEmpty()) {
      return;
    }
    if (!services.catalog().contains(id.get())) {
      Responses.error(ctx, 404, "unknown product '" + id.get() + "'");
      return;
    }
    String name = ctx.pathParam("name");
    Optional<ProductStatus> product = services.engine().status(id.get());
    Optional<SloStatus> slo = product.flatMap(status -> status.slos().stream().filter(s -> s.slo().equals(name)).findFirst());
    if (slo.isEmpty()) {
      Responses.error(ctx, 404, "product '" + id.get() + "' has no evaluated SLO named '" + name + "'");
      return;
    }
    Responses.json(ctx, 200, view(product.get(), slo.get()));
  }

  private static Map<String, Object> view(ProductStatus product, SloStatus slo) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("product", product.product().toString());
    out.put("domain", product.product().domain());
    out.put("agent", product.agent().label());
    out.putAll(StatusJson.slo(slo));
    out.put("evaluatedAt", slo.evaluatedAt());
    return out;
  }
}
