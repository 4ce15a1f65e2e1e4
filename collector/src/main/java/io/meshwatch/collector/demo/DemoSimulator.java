package io.meshwatch.collector.demo;

import io.meshwatch.agent.MeshAgent;
import io.meshwatch.agent.RunHandle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one real {@link MeshAgent} per demo product against a running collector: every tick each
 * pipeline "runs" (start, write rows, check quality, update freshness, serve reads) as its
 * {@link Behaviour} says.
 */
public final class DemoSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);
  private static final Duration TICK = Duration.ofSeconds(2);
  /**
   * When the SILENT product's agent goes quiet: after more than a minute, so that at least one whole
   * minute of its freshness is counted first and its SLOs have a history that then freezes (a product
   * that went silent before any minute ended would have no SLO numbers at all).
   */
  private static final Duration SILENT_AFTER = Duration.ofSeconds(65);
  private static final List<String> CONSUMERS = List.of("bi-dashboards", "ml-features", "finance-reporting");

  private final List<Pipeline> pipelines = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "meshwatch-demo");
    thread.setDaemon(true);
    return thread;
  });
  private final InstantSource clock;
  private final Random random = new Random(42);
  private final Instant started;

  /** Starts simulating {@code products} against the collector at {@code collector}, one token per product. */
  public DemoSimulator(URI collector, List<DemoProduct> products, Map<String, String> tokenByProduct, InstantSource clock) {
    this.clock = clock;
    this.started = clock.instant();
    for (DemoProduct product : products) {
      String id = product.descriptor().id().toString();
      MeshAgent agent = MeshAgent.builder()
          .product(id)
          .endpoint(collector)
          .token(tokenByProduct.get(id))
          .serviceName("demo-" + product.descriptor().id().name() + "-pipeline")
          .exportInterval(TICK)
          .build();
      pipelines.add(new Pipeline(product.behaviour(), agent));
    }
    scheduler.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    Instant now = clock.instant();
    boolean silenced = Duration.between(started, now).compareTo(SILENT_AFTER) > 0;
    for (Pipeline pipeline : pipelines) {
      try {
        pipeline.run(now, silenced);
      } catch (RuntimeException e) {
        LOG.warn("demo pipeline failed", e);
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    pipelines.forEach(p -> p.agent.close());
  }

  private final class Pipeline {
    private final Behaviour behaviour;
    private final MeshAgent agent;
    private boolean closed;

    Pipeline(Behaviour behaviour, MeshAgent agent) {
      this.behaviour = behaviour;
      this.agent = agent;
    }

    void run(Instant now, boolean silenced) {
      if (closed) {
        return;
      }
      if (behaviour == Behaviour.SILENT && silenced) {
        closed = true;
        agent.close();
        LOG.info("demo: the agent of a SILENT product went quiet, as planned");
        return;
      }
      RunHandle run = agent.startRun();
      long rows = behaviour == Behaviour.VOLUME_DROP ? DemoMesh.USUAL_ROWS * 4 / 10 : DemoMesh.USUAL_ROWS + random.nextInt(1000);
      agent.volume().rowsWritten(rows);
      for (String check : List.of("not_null_id", "unique_id", "valid_amount")) {
        boolean passed = behaviour != Behaviour.QUALITY_FAILING || random.nextDouble() >= 0.25;
        agent.quality().check(check, passed, rows, passed ? 0 : rows / 20);
      }
      agent.freshness().updated(behaviour == Behaviour.STALE ? started.minus(Duration.ofHours(3)) : now);
      for (String consumer : CONSUMERS) {
        agent.usage().read(consumer, random.nextDouble() > 0.001, Duration.ofMillis(20 + random.nextInt(200)));
      }
      if (behaviour == Behaviour.RUNS_FAILING && random.nextBoolean()) {
        run.failed(new IllegalStateException("simulated upstream timeout"));
      } else {
        run.succeeded();
      }
    }
  }
}
