package io.meshwatch.collector.http;

import io.meshwatch.collector.ingest.RejectReason;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The collector's HTTP server: routes, body limits, request decompression and JSON error pages. */
public final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  private final HttpServices services;
  private final String host;
  private final int port;
  private @Nullable HttpServer server;

  public HttpVerticle(HttpServices services, String host, int port) {
    this.services = services;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setDecompressionSupported(true)
        .setCompressionSupported(true)
        // The JDK HttpClient (the agent's OTLP sender) offers an h2c upgrade on its first request to a
        // host; across that upgrade the gzip'd request body reached us undecoded. HTTP/1.1 it is.
        .setHttp2ClearTextEnabled(false);
    return vertx.createHttpServer(options)
        .requestHandler(router())
        .listen()
        .onSuccess(s -> server = s);
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("server not started");
    }
    return server.actualPort();
  }

  private Router router() {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(services.maxBodyBytes());
    OtlpHandler otlp = new OtlpHandler(services);
    ProductsHandler products = new ProductsHandler(services);
    EventsHandler events = new EventsHandler(services);
    SlosHandler slos = new SlosHandler(services);
    AlertsHandler alerts = new AlertsHandler(services);
    SilencesHandler silences = new SilencesHandler(services);

    router.get("/health").handler(ctx -> Responses.json(ctx, 200, Map.of("status", "ok", "products", services.catalog().size())));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(services.registry().scrape()));
    router.post("/v1/metrics").handler(body).handler(otlp::handle);
    router.get("/api/v1/products").handler(products::list);
    router.post("/api/v1/products").handler(body).handler(products::register);
    router.get("/api/v1/products/:id").handler(products::get);
    router.post("/api/v1/products/:id/events").handler(body).handler(events::handle);
    router.get("/api/v1/slos").handler(slos::list);
    router.get("/api/v1/products/:id/slos/:name").handler(slos::get);
    router.get("/api/v1/alerts").handler(alerts::list);
    router.post("/api/v1/alerts/:fingerprint/ack").handler(body).handler(alerts::acknowledge);
    router.get("/api/v1/silences").handler(silences::list);
    router.post("/api/v1/silences").handler(body).handler(silences::create);
    router.get("/api/v1/silences/:id").handler(silences::get);
    router.delete("/api/v1/silences/:id").handler(silences::expire);

    router.errorHandler(413, ctx -> {
      services.ingestMetrics().rejected(RejectReason.BODY_TOO_LARGE, 1);
      Responses.error(ctx, 413, "request body is larger than the limit of " + services.maxBodyBytes() + " bytes");
    });
    router.errorHandler(404, ctx -> Responses.error(ctx, 404, "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
    router.errorHandler(405, ctx -> Responses.error(ctx, 405, "method " + ctx.request().method() + " not allowed on " + ctx.request().path()));
    router.errorHandler(500, ctx -> {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      if (!ctx.response().headWritten()) {
        Responses.error(ctx, 500, "internal error; see the collector's log");
      }
    });
    return router;
  }
}
