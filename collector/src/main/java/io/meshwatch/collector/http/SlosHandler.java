package io.meshwatch.collector.http;

import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.guard.ApiBounds;
import io.meshwatch.collector.slo.SloHistory;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SLOs across the mesh, as of the last evaluation: {@code GET /api/v1/slos} filtered by domain,
 * product and state, and {@code GET /api/v1/products/{id}/slos/{name}} for one, with its history for
 * charts (SLI, budget burn-down and burn rate per {@code step}, default 5m for windows up to 3 days and
 * 1h beyond, or as many whole hours as keep a longer window within the points a history holds).
 */
final class SlosHandler {

  private final HttpServices services;

  SlosHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    ApiParameters params = new ApiParameters(ctx, services);
    String domain = params.text("domain", ApiBounds.SLOS_DOMAIN);
    String product = params.text("product", ApiBounds.SLOS_PRODUCT);
    String state = params.choice("status", ApiBounds.SLOS_STATUS);
    if (params.refused()) {
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
          slos.add(listed(status, slo));
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
    ApiParameters params = new ApiParameters(ctx, services);
    String name = params.path("name", ApiBounds.SLO_NAME);
    if (params.refused()) {
      return;
    }
    Optional<ProductStatus> product = services.engine().status(id.get());
    Optional<SloStatus> slo = product.flatMap(status -> status.slos().stream().filter(s -> s.slo().equals(name)).findFirst());
    if (slo.isEmpty()) {
      Responses.error(ctx, 404, "product '" + id.get() + "' has no evaluated SLO named '" + name + "'");
      return;
    }
    Duration step = params.duration("step", ApiBounds.SLO_STEP, defaultStep(slo.get().window().length()));
    if (step == null) {
      return;
    }
    Optional<SloHistory> history;
    try {
      history = services.engine().history(id.get(), name, step);
    } catch (IllegalArgumentException e) {
      Responses.error(ctx, 400, e.getMessage());
      return;
    }
    Map<String, Object> out = listed(product.get(), slo.get());
    history.ifPresent(h -> out.put("history", history(h)));
    Responses.json(ctx, 200, out);
  }

  /**
   * The engine's step for the window, coarsened to whole hours where it would take more points than a
   * history holds (a quarter or a year in hours), so that a read without a step always answers.
   */
  static Duration defaultStep(Duration window) {
    Duration step = SloHistory.defaultStep(window);
    long fits = SloHistory.MAX_POINTS - 2; // a window's first and last step may each be partly in it
    if (window.toMillis() / step.toMillis() < fits) {
      return step;
    }
    return Duration.ofHours(-Math.floorDiv(-window.toMinutes(), fits * 60));
  }

  private static Map<String, Object> history(SloHistory history) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("step", DurationText.format(history.step()));
    List<Map<String, Object>> points = new ArrayList<>(history.points().size());
    for (SloHistory.Point point : history.points()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("at", point.at());
      p.put("sli", point.sli());
      p.put("budgetRemaining", point.budgetRemaining());
      p.put("burnRate", point.burnRate());
      points.add(p);
    }
    out.put("points", points);
    return out;
  }

  /** The SLO's view, or, should one of its values defeat it, its identity with an error: one SLO never fails a list. */
  static Map<String, Object> listed(ProductStatus product, SloStatus slo) {
    try {
      return view(product, slo);
    } catch (RuntimeException e) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("product", product.product().toString());
      out.put("domain", product.product().domain());
      out.put("name", slo.slo());
      out.put("state", slo.state().label());
      out.put("error", "could not show the SLO: " + e);
      return out;
    }
  }

  private static Map<String, Object> view(ProductStatus product, SloStatus slo) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("product", product.product().toString());
    out.put("domain", product.product().domain());
    out.put("agent", product.agent().label());
    out.putAll(StatusJson.slo(slo));
    out.put("evaluatedAt", slo.evaluatedAt());
    if (slo.state() == SloState.ERROR) {
      out.put("error", product.error());
    }
    return out;
  }
}
