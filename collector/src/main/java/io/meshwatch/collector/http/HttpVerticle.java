package io.meshwatch.collector.http;

import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.metrics.EdgeMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's share of the collector's HTTP server: routes, the {@link BodyGate} of every write,
 * JSON error pages, and the {@link ConnectionGuard} of its connections. {@link HttpEdge} deploys
 * several on one port.
 */
final class HttpVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  private final HttpServices services;
  private final String host;
  private final int port;
  private final ConnectionGuard guard;
  private final WriteLoad writes;
  private final EdgeMetrics metrics;
  private @Nullable WorkerExecutor inflation;

  HttpVerticle(HttpServices services, String host, int port, ConnectionBudget budget, AcceptGate gate, WriteLoad writes,
      EdgeMetrics metrics) {
    this.services = services;
    this.writes = writes;
    this.metrics = metrics;
    this.host = host;
    this.port = port;
    ServerConfig config = services.server();
    this.guard = new ConnectionGuard(budget, gate, config.idleTimeout(), config.headerTimeout(), config.bodyTimeout(),
        config.retryAfter(), metrics, System::nanoTime);
  }

  @Override
  public Future<?> start() {
    ServerConfig config = services.server();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        // Not Vert.x's decompression: it inflates on the event loop, whole, before any handler sees the
        // token. BodyGate inflates, bounded, off the event loop, after the checks.
        .setDecompressionSupported(false)
        .setCompressionSupported(true)
        // A backstop behind the guard's deadlines: a connection with no traffic at all for this long,
        // e.g. one whose client stopped reading our answer, is closed by Vert.x.
        .setIdleTimeout((int) config.idleTimeout().plus(config.headerTimeout()).plus(config.bodyTimeout()).toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        // The JDK HttpClient (the agent's OTLP sender) offers an h2c upgrade on its first request to a
        // host; across that upgrade the gzip'd request body reached us undecoded. HTTP/1.1 it is.
        .setHttp2ClearTextEnabled(false);
    // Shared by every instance: one pool of this name, so bombs on one event loop cannot take more.
    inflation = vertx.createSharedWorkerExecutor("meshwatch-inflate", Math.max(2, config.eventLoops()));
    Router router = router(inflation);
    guard.start(vertx);
    return vertx.createHttpServer(options)
        .connectionHandler(guard::connected)
        .requestHandler(request -> {
          if (guard.admit(request)) {
            router.handle(request);
          }
        })
        .listen();
  }

  @Override
  public Future<?> stop() {
    guard.stop(vertx);
    return inflation == null ? Future.succeededFuture() : inflation.close();
  }

  private Router router(WorkerExecutor inflation) {
    Router router = Router.router(vertx);
    OtlpHandler otlp = new OtlpHandler(services);
    ProductsHandler products = new ProductsHandler(services);
    EventsHandler events = new EventsHandler(services);
    SlosHandler slos = new SlosHandler(services);
    AlertsHandler alerts = new AlertsHandler(services);
    SilencesHandler silences = new SilencesHandler(services);
    WriteAdmission admitWrite = new WriteAdmission(writes, services);
    BodyGate.BeforeBody tokenKnown = ctx -> {
      AuthDecision auth = services.authorizer().authenticated(Requests.authorization(ctx));
      if (!auth.allowed()) {
        Responses.error(ctx, auth.outcome().httpStatus(), auth.message());
      }
      return auth.allowed();
    };

    router.route().handler(ctx -> {
      HttpConnection connection = ctx.request().connection();
      ctx.addEndHandler(ended -> guard.exchangeEnded(connection, ended.succeeded()));
      ctx.next();
    });
    router.get(Probes.HEALTH).handler(ctx -> Responses.json(ctx, 200, Map.of("status", "ok", "products", services.catalog().size())));
    router.get(Probes.READY).handler(new ReadyHandler(services.readiness(), services.server().retryAfter())::handle);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(services.registry().scrape()));
    router.post(OtlpHandler.PATH).handler(admitWrite).handler(body(inflation, otlp::beforeBody)).handler(otlp::handle);
    router.get("/api/v1/products").handler(products::list);
    router.post("/api/v1/products").handler(admitWrite).handler(body(inflation, products::beforeBody))
        .handler(products::register);
    router.get("/api/v1/products/:id").handler(products::get);
    router.post("/api/v1/products/:id/events").handler(admitWrite).handler(body(inflation, events::beforeBody))
        .handler(events::handle);
    router.get("/api/v1/slos").handler(slos::list);
    router.get("/api/v1/products/:id/slos/:name").handler(slos::get);
    router.get("/api/v1/alerts").handler(alerts::list);
    router.post("/api/v1/alerts/:fingerprint/ack").handler(admitWrite).handler(body(inflation, tokenKnown))
        .handler(alerts::acknowledge);
    router.get("/api/v1/silences").handler(silences::list);
    router.post("/api/v1/silences").handler(admitWrite).handler(body(inflation, tokenKnown)).handler(silences::create);
    router.get("/api/v1/silences/:id").handler(silences::get);
    router.delete("/api/v1/silences/:id").handler(admitWrite).handler(silences::expire);

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

  private BodyGate body(WorkerExecutor inflation, BodyGate.BeforeBody check) {
    return new BodyGate(services, metrics, inflation, check);
  }
}
