package io.meshwatch.collector;

import io.meshwatch.collector.auth.Authorizer;
import io.meshwatch.collector.catalog.Catalog;
import io.meshwatch.collector.catalog.DescriptorStore;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.collector.http.HttpServices;
import io.meshwatch.collector.http.HttpVerticle;
import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.collector.ingest.JsonEventDecoder;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.metrics.IngestMetrics;
import io.meshwatch.collector.metrics.SloMetrics;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.ProductStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector. Start one with {@link #start(CollectorConfig, InstantSource)}, stop it with
 * {@link #close()}.
 *
 * <pre>{@code
 * try (MeshwatchCollector collector = MeshwatchCollector.start(CollectorConfig.defaults().withPort(0), InstantSource.system())) {
 *   URI base = collector.uri();
 * }
 * }</pre>
 */
public final class MeshwatchCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MeshwatchCollector.class);

  private final Vertx vertx;
  private final Catalog catalog;
  private final SloEngine engine;
  private final SloMetrics sloMetrics;
  private final URI uri;
  private final long evaluationTimer;

  private MeshwatchCollector(Vertx vertx, Catalog catalog, SloEngine engine, SloMetrics sloMetrics, URI uri,
      Duration evaluationInterval) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.engine = engine;
    this.sloMetrics = sloMetrics;
    this.uri = uri;
    this.evaluationTimer = vertx.setPeriodic(evaluationInterval.toMillis(),
        id -> vertx.executeBlocking(this::evaluateNow, false)
            .onFailure(e -> LOG.error("SLO evaluation failed", e)));
  }

  /**
   * Loads descriptors, binds the HTTP server and starts the evaluation tick; returns once it listens.
   *
   * @throws StartupException listing every descriptor problem, or why the server could not bind
   */
  public static MeshwatchCollector start(CollectorConfig config, InstantSource clock) {
    Catalog catalog = new Catalog();
    SloEngine engine = new SloEngine(clock, config.silenceTimeout());
    catalog.onRegister(engine::register);
    DescriptorStore store = new DescriptorStore(config.dataDir());
    loadDescriptors(config, catalog, store);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestLimits limits = ingestLimits(config);
    HttpServices services = new HttpServices(
        catalog, store, engine,
        new OtlpMetricsDecoder(clock, limits, catalog::contains),
        new JsonEventDecoder(clock, limits),
        new Authorizer(config.tokens()),
        new IngestMetrics(registry), registry, config.maxBodyBytes());

    Vertx vertx = Vertx.vertx();
    HttpVerticle http = new HttpVerticle(services, config.host(), config.port());
    try {
      vertx.deployVerticle(http).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StartupException("could not listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(), cause);
    }
    URI uri = URI.create("http://" + config.host() + ":" + http.actualPort());
    MeshwatchCollector collector = new MeshwatchCollector(
        vertx, catalog, engine, new SloMetrics(registry), uri, config.evaluationInterval());
    collector.evaluateNow();
    LOG.info("meshwatch collector listening on {}, data dir {}, {} products loaded",
        uri, config.dataDir().toAbsolutePath().normalize(), catalog.size());
    if (config.tokens().isEmpty()) {
      LOG.warn("no tokens configured: every write (ingest, descriptor registration) will be refused with 401;"
          + " add tokens to the config file (docs/CONFIG.md)");
    }
    return collector;
  }

  private static IngestLimits ingestLimits(CollectorConfig config) {
    IngestLimits defaults = IngestLimits.defaults();
    try {
      return new IngestLimits(config.maxClockSkew(), defaults.maxSeries(), defaults.seriesIdleTimeout(),
          defaults.maxEventsPerRequest());
    } catch (IllegalArgumentException e) {
      throw new StartupException("evaluation." + e.getMessage(), e);
    }
  }

  private static void loadDescriptors(CollectorConfig config, Catalog catalog, DescriptorStore store) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new StartupException("cannot create data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    if (config.descriptorsDir() != null) {
      register(new DescriptorParser().parseDirectory(config.descriptorsDir()), catalog);
    }
    register(store.loadAll(), catalog);
  }

  private static void register(ParseResult parsed, Catalog catalog) {
    if (parsed.hasErrors()) {
      throw new StartupException("descriptor problems:\n  " + String.join("\n  ",
          parsed.problems().stream().map(DescriptorProblem::toString).toList()), null);
    }
    parsed.problems().forEach(p -> LOG.warn("{}", p));
    parsed.products().forEach(catalog::register);
  }

  /** Evaluates every SLO now (the tick does this every evaluation interval) and publishes the result. */
  public synchronized List<ProductStatus> evaluateNow() {
    List<ProductStatus> statuses = engine.evaluate();
    sloMetrics.publish(statuses);
    return statuses;
  }

  /** The base URI the server listens on, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    return uri;
  }

  public int port() {
    return uri.getPort();
  }

  /** The products the collector knows; registering here is like posting a descriptor, without persistence. */
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public void close() {
    vertx.cancelTimer(evaluationTimer);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("collector did not stop cleanly", e);
    }
  }
}
