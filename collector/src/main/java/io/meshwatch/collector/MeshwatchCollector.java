package io.meshwatch.collector;

import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.AlertView;
import io.meshwatch.alerting.Alerting;
import io.meshwatch.alerting.AlertingStorageException;
import io.meshwatch.collector.auth.Authorizer;
import io.meshwatch.collector.auth.RateBudgets;
import io.meshwatch.collector.catalog.Catalog;
import io.meshwatch.collector.catalog.DescriptorStore;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.collector.health.JournalWritable;
import io.meshwatch.collector.health.Readiness;
import io.meshwatch.collector.health.Verdict;
import io.meshwatch.collector.http.HttpServices;
import io.meshwatch.collector.http.HttpEdge;
import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.collector.ingest.JsonEventDecoder;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.metrics.AlertingMetrics;
import io.meshwatch.collector.metrics.DescriptorMetrics;
import io.meshwatch.collector.metrics.EngineFaultMetrics;
import io.meshwatch.collector.metrics.IngestMetrics;
import io.meshwatch.collector.metrics.SignalMetrics;
import io.meshwatch.collector.metrics.SloMetrics;
import io.meshwatch.collector.metrics.StorageMetrics;
import io.meshwatch.collector.persist.DurableSignals;
import io.meshwatch.collector.persist.EngineState;
import io.meshwatch.collector.persist.StorageHealth;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.dashboards.GeneratedTree;
import io.meshwatch.dashboards.MonitoringFiles;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DataDirFormat;
import io.meshwatch.durable.DataDirLock;
import io.meshwatch.durable.DataDirLockedException;
import io.meshwatch.durable.FsyncPolicy;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
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
  /** The data dir format this collector writes; 1 is the format before there was a format file. */
  public static final int DATA_DIR_FORMAT = 2;
  private static final int FORMAT_WITHOUT_MARKER = 1;

  private final Vertx vertx;
  private final Catalog catalog;
  private final SloEngine engine;
  private final SloMetrics sloMetrics;
  private final EngineFaultMetrics faultMetrics;
  private final SignalMetrics signalMetrics;
  private final DurableSignals durable;
  private final Alerting alerting;
  private final AlertingMetrics alertingMetrics;
  private final Readiness readiness;
  private final InstantSource clock;
  private final URI uri;
  private final long evaluationTimer;
  private final long snapshotTimer;
  private final DataDirLock lock;

  private MeshwatchCollector(Vertx vertx, Catalog catalog, SloEngine engine, SloMetrics sloMetrics,
      EngineFaultMetrics faultMetrics, SignalMetrics signalMetrics, DurableSignals durable, Alerting alerting,
      AlertingMetrics alertingMetrics, Readiness readiness, URI uri, CollectorConfig config, InstantSource clock,
      DataDirLock lock) {
    this.lock = lock;
    this.vertx = vertx;
    this.catalog = catalog;
    this.engine = engine;
    this.sloMetrics = sloMetrics;
    this.faultMetrics = faultMetrics;
    this.signalMetrics = signalMetrics;
    this.durable = durable;
    this.alerting = alerting;
    this.alertingMetrics = alertingMetrics;
    this.readiness = readiness;
    this.clock = clock;
    this.uri = uri;
    this.evaluationTimer = vertx.setPeriodic(config.evaluation().interval().toMillis(),
        id -> vertx.executeBlocking(this::evaluateNow, false)
            .onFailure(e -> LOG.error("SLO evaluation failed", e)));
    this.snapshotTimer = vertx.setPeriodic(config.storage().snapshotInterval().toMillis(),
        id -> vertx.executeBlocking(this::snapshotNow, false)
            .onFailure(e -> LOG.error("snapshot failed; the journal keeps growing until one succeeds", e)));
  }

  /**
   * Loads descriptors, binds the HTTP server and starts the evaluation tick; returns once it listens.
   *
   * @throws StartupException listing every descriptor problem, or why the server could not bind
   */
  public static MeshwatchCollector start(CollectorConfig config, InstantSource clock) {
    return start(config, clock, List.of());
  }

  /**
   * Like {@link #start(CollectorConfig, InstantSource)}, with {@code products} registered next to the
   * descriptors (before the stored state is restored, so theirs is restored too).
   */
  public static MeshwatchCollector start(CollectorConfig config, InstantSource clock, List<DataProduct> products) {
    DataDirLock lock = lock(config.dataDir());
    try {
      return start(config, clock, products, lock);
    } catch (RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  private static MeshwatchCollector start(CollectorConfig config, InstantSource clock, List<DataProduct> products,
      DataDirLock lock) {
    int format = format(config.dataDir());
    Catalog catalog = new Catalog();
    SloEngine engine = new SloEngine(clock, config.evaluation().silenceTimeout());
    AtomicReference<@Nullable DurableSignals> durableRef = new AtomicReference<>();
    catalog.onRegister(product -> register(engine, durableRef.get(), product));
    DescriptorStore store = new DescriptorStore(config.dataDir());
    List<DescriptorProblem> descriptorProblems = loadDescriptors(config, catalog, store);
    products.forEach(catalog::register);
    writeDashboards(config, catalog.all());
    IngestLimits limits = ingestLimits(config);
    DurableSignals durable = openDurable(config, engine, clock);
    durableRef.set(durable);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new DescriptorMetrics(registry).loaded(descriptorProblems);
    SignalMetrics signalMetrics = new SignalMetrics(registry, config.limits().labelValuesPerProduct());
    AlertingMetrics alertingMetrics = new AlertingMetrics(registry);
    Alerting alerting = openAlerting(config, catalog, clock, alertingMetrics, durable);
    markFormat(config, format, alerting, durable);
    alertingMetrics.watchOutbox(alerting::pendingNotifications);
    StorageMetrics storageMetrics = new StorageMetrics(registry);
    storageMetrics.watch("journal", durable, DurableSignals::damage);
    storageMetrics.watch("alerting_state", alerting, Alerting::stateDamage);
    storageMetrics.watch("outbox", alerting, Alerting::outboxDamage);
    Readiness readiness = new Readiness();
    JournalWritable journal = new JournalWritable(config.dataDir(), clock);
    readiness.add(journal).add(() -> Verdict.ready("recovery", "restored " + durable.recovery()))
        .add(() -> storageVerdict(storageHealth(durable, alerting)));
    HttpServices services = new HttpServices(
        catalog, store, engine, durable, alerting,
        otlpDecoder(clock, limits, config, catalog, durable),
        new JsonEventDecoder(clock, limits),
        new Authorizer(config.tokens()),
        new RateBudgets(config.rateLimits(), clock),
        new IngestMetrics(registry), signalMetrics, registry, config.maxBodyBytes(), config.server(), readiness, journal,
        clock);

    Vertx vertx = Vertx.vertx();
    HttpEdge http;
    try {
      http = HttpEdge.deploy(vertx, services, config.host(), config.port()).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      alerting.close();
      closeQuietly(durable);
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StartupException("could not listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(), cause);
    }
    URI uri = URI.create("http://" + config.host() + ":" + http.port());
    MeshwatchCollector collector = new MeshwatchCollector(
        vertx, catalog, engine, new SloMetrics(registry, catalog::find), new EngineFaultMetrics(registry), signalMetrics,
        durable, alerting, alertingMetrics, readiness, uri, config, clock, lock);
    collector.evaluateNow();
    alerting.start();
    LOG.info("meshwatch collector listening on {}, data dir {}, {} products loaded",
        uri, config.dataDir().toAbsolutePath().normalize(), catalog.size());
    if (config.tokens().isEmpty()) {
      LOG.warn("no tokens configured: every write (ingest, descriptor registration) will be refused with 401;"
          + " add tokens to the config file (docs/CONFIG.md)");
    }
    return collector;
  }

  /** Takes the data dir for this process, first of all: a second collector on it refuses to start. */
  private static DataDirLock lock(Path dataDir) {
    try {
      return DataDirLock.acquire(dataDir);
    } catch (DataDirLockedException e) {
      throw new StartupException(e.getMessage(), e);
    } catch (IOException e) {
      throw new StartupException("cannot lock data dir " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static void release(DataDirLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("could not release the data dir's lock", e);
    }
  }

  /** The data dir's format; a newer one than this collector writes is refused, naming both. */
  private static int format(Path dataDir) {
    try {
      return DataDirFormat.check(dataDir, DATA_DIR_FORMAT, FORMAT_WITHOUT_MARKER);
    } catch (IOException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  /** Once journal and alerting have migrated what they keep, the data dir says it is of this format. */
  private static void markFormat(CollectorConfig config, int found, Alerting alerting, DurableSignals durable) {
    if (found == DATA_DIR_FORMAT) {
      return;
    }
    try {
      DataDirFormat.write(config.dataDir(), DATA_DIR_FORMAT);
      LOG.info("data dir {} is of format {} now (it was of format {})", config.dataDir(), DATA_DIR_FORMAT, found);
    } catch (IOException e) {
      alerting.close();
      closeQuietly(durable);
      throw new StartupException("cannot write the format of data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }

  /** Registers with the engine; once state is durable, between two requests' signals and with a snapshot after. */
  private static void register(SloEngine engine, @Nullable DurableSignals durable, DataProduct product) {
    if (durable == null) {
      engine.register(product);
      return;
    }
    try {
      durable.changeAndSnapshot(() -> engine.register(product));
    } catch (IOException e) {
      LOG.warn("registered {}, but could not snapshot after it; a restart may replay its recent signals against"
          + " the registration as of restart", product.id(), e);
    }
  }

  /** Writes dashboards, provisioning and rules for the products at start, when the config asks for them. */
  private static void writeDashboards(CollectorConfig config, List<DataProduct> products) {
    Path out = config.dashboards().out();
    if (out == null) {
      return;
    }
    try {
      GeneratedTree.Summary summary = MonitoringFiles.write(out, products, config.dashboards().options(config.alerting()));
      LOG.info("dashboards, provisioning and rules in {}: {}", out.toAbsolutePath().normalize(), summary.describe());
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot write dashboards into " + out + " (dashboards.out): " + e.getMessage(), e);
    }
  }

  private static DurableSignals openDurable(CollectorConfig config, SloEngine engine, InstantSource clock) {
    DurableSignals durable;
    try {
      durable = DurableSignals.open(config.dataDir(), LogOptions.DEFAULTS.withFsync(config.storage().fsync()),
          new EngineState(engine), clock);
    } catch (IOException e) {
      throw new StartupException("cannot restore the state kept in " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      // Right away, so that what registration set up (where freshness counting starts) is kept too.
      durable.snapshot();
    } catch (IOException e) {
      closeQuietly(durable);
      throw new StartupException("cannot write a snapshot into " + config.dataDir() + ": " + e.getMessage(), e);
    }
    return durable;
  }

  private static Alerting openAlerting(CollectorConfig config, Catalog catalog, InstantSource clock,
      AlertingMetrics metrics, DurableSignals durable) {
    Path dir = config.dataDir().resolve("alerting");
    try {
      boolean fsync = !(config.storage().fsync() instanceof FsyncPolicy.None);
      return Alerting.open(config.alerting(), dir, catalog::find, clock, new DeliveryLog(metrics), fsync);
    } catch (IOException | RuntimeException e) {
      closeQuietly(durable);
      throw new StartupException("cannot restore the alerting state kept in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(DurableSignals durable) {
    try {
      durable.close();
    } catch (IOException e) {
      LOG.warn("could not close the journal cleanly", e);
    }
  }

  private static OtlpMetricsDecoder otlpDecoder(
      InstantSource clock, IngestLimits limits, CollectorConfig config, Catalog catalog, DurableSignals durable) {
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, limits, config.limits().seriesBudgets(), catalog::contains);
    if (durable.recovery().resumed()) {
      decoder.resumedAt(clock.instant());
    }
    return decoder;
  }

  // CollectorConfig.Evaluation already holds skew and lateness to what IngestLimits takes.
  private static IngestLimits ingestLimits(CollectorConfig config) {
    IngestLimits defaults = IngestLimits.defaults();
    return new IngestLimits(config.evaluation().maxClockSkew(), config.limits().seriesTotal(), defaults.seriesIdleTimeout(),
        defaults.maxEventsPerRequest(), config.evaluation().lateness());
  }

  /** Registers the descriptors of the descriptors dir and the data dir; returns the problems found (warnings only). */
  private static List<DescriptorProblem> loadDescriptors(CollectorConfig config, Catalog catalog, DescriptorStore store) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new StartupException("cannot create data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    List<DescriptorProblem> problems = new ArrayList<>();
    if (config.descriptorsDir() != null) {
      problems.addAll(register(new DescriptorParser().parseDirectory(config.descriptorsDir()), catalog));
    }
    problems.addAll(registerStored(store.loadAll(), catalog, store));
    return problems;
  }

  /**
   * The descriptors registered over the API earlier are data, not configuration: one that this
   * collector cannot take (e.g. past a bound it did not have when it was stored) never stops the start.
   * It is left out, its problems logged as errors and counted in meshwatch_descriptor_problems; the
   * file stays for the operator to fix or to post again.
   */
  private static List<DescriptorProblem> registerStored(ParseResult parsed, Catalog catalog, DescriptorStore store) {
    if (parsed.hasErrors()) {
      LOG.error("descriptors stored in {} that this collector cannot take are left out (the products they"
          + " describe are not monitored until fixed or posted again):\n  {}", store.directory(),
          String.join("\n  ", parsed.errors().stream().map(DescriptorProblem::toString).toList()));
    }
    parsed.warnings().forEach(p -> LOG.warn("{}", p));
    parsed.products().forEach(catalog::register);
    return parsed.problems();
  }

  private static List<DescriptorProblem> register(ParseResult parsed, Catalog catalog) {
    if (parsed.hasErrors()) {
      throw new StartupException("descriptor problems:\n  " + String.join("\n  ",
          parsed.problems().stream().map(DescriptorProblem::toString).toList()), null);
    }
    parsed.problems().forEach(p -> LOG.warn("{}", p));
    parsed.products().forEach(catalog::register);
    return parsed.problems();
  }

  /** Evaluates every SLO now (the tick does this every evaluation interval) and publishes the result. */
  public synchronized List<ProductStatus> evaluateNow() {
    Instant now = clock.instant();
    durable.betweenRequests(() -> engine.classifyUpTo(now));
    // Never throws for one product's data: a product that cannot be evaluated shows its SLOs in state error.
    List<ProductStatus> statuses = engine.evaluate(now);
    sloMetrics.publish(statuses);
    faultMetrics.publish(engine.faults());
    signalMetrics.retain(catalog::contains);
    try {
      alerting.evaluate(statuses);
    } catch (AlertingStorageException e) {
      LOG.error("alerts of this evaluation were not queued; the next evaluation tries again", e);
    } catch (RuntimeException e) {
      // A fault of alerting's own must not also cost this evaluation its published status and metrics.
      LOG.error("alerting failed on this evaluation; the next evaluation tries again", e);
    }
    alertingMetrics.publishAlerts(alertCounts(alerting.alerts()));
    return statuses;
  }

  private static Map<AlertingMetrics.AlertKind, Long> alertCounts(List<AlertView> alerts) {
    Map<AlertingMetrics.AlertKind, Long> counts = new HashMap<>();
    for (AlertView view : alerts) {
      if (view.alert().state() == AlertState.PENDING || view.alert().state() == AlertState.FIRING) {
        counts.merge(new AlertingMetrics.AlertKind(view.status(), view.alert().severity().label()), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * What {@code GET /ready} asks: the journal, load and recovery checks built in; add more with
   * {@link Readiness#add}.
   */
  public Readiness readiness() {
    return readiness;
  }

  /** The collector's alerting: alerts, silences, acknowledgements. */
  public Alerting alerting() {
    return alerting;
  }

  /**
   * Snapshots the SLO state now (a timer does this every snapshot interval) and drops the journal
   * behind it; returns the journal sequence the snapshot covers.
   */
  public synchronized long snapshotNow() throws IOException {
    return durable.snapshot();
  }

  /** How the state was restored at start. */
  public DurableSignals.Recovery recovery() {
    return durable.recovery();
  }

  /**
   * How storage stands, for readiness: damage found at start by log, whether the journal takes
   * appends, whether recovery runs (never, once the collector listens). Plain Java, cheap to call.
   */
  public StorageHealth storageHealth() {
    return storageHealth(durable, alerting);
  }

  private static StorageHealth storageHealth(DurableSignals durable, Alerting alerting) {
    String failure = durable.appendFailure();
    return new StorageHealth(Map.of("journal", durable.damage(), "alerting_state", alerting.stateDamage(),
        "outbox", alerting.outboxDamage()), failure == null, failure, false);
  }

  /**
   * The data dir's part of {@code /ready}: damage found at start was stepped over, so it is a note on
   * a ready verdict (the counts are on /metrics); a journal that takes no appends is the journal check's.
   */
  private static Verdict storageVerdict(StorageHealth health) {
    if (health.recovering()) {
      return Verdict.notReady("storage", "recovering the state kept in the data dir");
    }
    Damage damage = health.totalDamage();
    return damage.isNone() ? Verdict.ready("storage", "no damage found in the data dir at start")
        : Verdict.ready("storage", health.reasons().stream().filter(reason -> reason.startsWith("damage")).toArray(String[]::new));
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
    vertx.cancelTimer(snapshotTimer);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("collector did not stop cleanly", e);
    }
    alerting.close();
    synchronized (this) {
      closeQuietly(durable);
    }
    release(lock);
  }
}
