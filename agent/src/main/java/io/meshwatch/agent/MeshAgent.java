package io.meshwatch.agent;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent a data pipeline embeds to report its data product's signals to a meshwatch collector:
 * freshness, quality checks, volume, consumer usage and runs, plus a heartbeat in every export so
 * the collector can tell "agent silent" from "data stale". Names, units and attributes follow
 * {@link io.meshwatch.model.SignalContract}.
 *
 * <pre>{@code
 * try (MeshAgent agent = MeshAgent.builder()
 *     .product("sales.orders")
 *     .endpoint(URI.create("http://collector:8080"))
 *     .token(System.getenv("MESHWATCH_TOKEN"))
 *     .serviceName("orders-nightly")
 *     .build()) {
 *   try (RunHandle run = agent.startRun()) {
 *     List<Map<String, Object>> rows = load();
 *     BatchProfile profile = BatchProfiler.create().profile(rows);
 *     agent.quality().report(profile, expectations);
 *     agent.volume().rowsWritten(profile.rows());
 *     agent.freshness().updated(maxEventTime(rows));
 *     run.succeeded();
 *   }
 * } // close() flushes what is still pending
 * }</pre>
 *
 * <p><b>Never blocks, never throws.</b> Recording only updates in-memory aggregates; a background
 * thread exports them every {@link MeshAgentBuilder#exportInterval(Duration) export interval} as
 * OTLP/HTTP protobuf to {@code <endpoint>/v1/metrics}. Bad input (blank names, negative counts,
 * more failed than checked rows, null times) is dropped, counted in {@link #droppedRecordings()}
 * and logged at WARNING at most once a minute per kind.
 *
 * <p><b>Bounded buffering.</b> The agent exports cumulative sums: every export carries the totals
 * since the agent started. When the collector is away, nothing is queued and nothing is lost —
 * the next successful export carries everything recorded meanwhile. Memory stays bounded by the
 * number of series: at most 1000 distinct check names and 1000 distinct consumers (further names are
 * dropped and counted). Freshness is a newest-wins gauge, so only its latest value is kept. Only
 * what was recorded after the last successful export and before {@link #close()} gave up is lost.
 */
public final class MeshAgent implements AutoCloseable {

  /** How long {@link #close()} may take at most, flushing and shutting down together. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(MeshAgent.class.getName());

  private final SdkMeterProvider provider;
  private final InstantSource clock;
  private final Drops drops;
  private final Instruments instruments;
  private final FreshnessReporter freshness;
  private final QualityReporter quality;
  private final VolumeReporter volume;
  private final UsageReporter usage;
  private final AtomicBoolean closed = new AtomicBoolean();

  MeshAgent(SdkMeterProvider provider, InstantSource clock) {
    this.provider = provider;
    this.clock = clock;
    this.drops = new Drops(clock);
    this.instruments = new Instruments(provider.get(MeshAgent.class.getPackageName()));
    this.freshness = new FreshnessReporter(instruments, clock, drops);
    this.quality = new QualityReporter(instruments, drops);
    this.volume = new VolumeReporter(instruments, drops);
    this.usage = new UsageReporter(instruments, drops);
  }

  /** Starts configuring an agent; {@code product} and {@code endpoint} are required. */
  public static MeshAgentBuilder builder() {
    return new MeshAgentBuilder();
  }

  /** Reports how fresh the product's data is. */
  public FreshnessReporter freshness() {
    return freshness;
  }

  /** Reports quality check outcomes. */
  public QualityReporter quality() {
    return quality;
  }

  /** Reports rows written per run. */
  public VolumeReporter volume() {
    return volume;
  }

  /** Reports consumer reads. */
  public UsageReporter usage() {
    return usage;
  }

  /** Starts timing a pipeline run on the agent's clock; end it with {@link RunHandle#succeeded()} or {@link RunHandle#failed(Throwable)}. */
  public RunHandle startRun() {
    return new RunHandle(instruments, clock, drops);
  }

  /** How many recordings were dropped as bad input (or because recording failed) since the agent started. */
  public long droppedRecordings() {
    return drops.total();
  }

  long droppedRecordings(Drops.Reason reason) {
    return drops.count(reason);
  }

  /**
   * Exports what is pending, then shuts the agent down, within {@link #CLOSE_TIMEOUT} in all. Never
   * throws; calling it again does nothing. Recording after close is silently ignored.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Real elapsed time on purpose: this bounds how long the pipeline's thread waits, it is not time logic.
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    await("flush", provider::forceFlush, deadline - CLOSE_TIMEOUT.toNanos() / 4);
    await("shutdown", provider::shutdown, deadline);
  }

  /**
   * Runs {@code action} on a daemon thread of its own and waits for its result until {@code deadline}:
   * the SDK's shutdown blocks its caller while an export is still retrying (up to twice its reader's
   * timeouts), which would stretch {@link #close()} past its bound. What is unfinished then goes on
   * in the background.
   */
  private static void await(String step, java.util.function.Supplier<CompletableResultCode> action, long deadline) {
    CompletableResultCode outcome = new CompletableResultCode();
    Thread thread = new Thread(() -> {
      try {
        CompletableResultCode result = action.get();
        result.whenComplete(() -> {
          if (result.isSuccess()) {
            outcome.succeed();
          } else {
            outcome.fail();
          }
        });
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "meshwatch agent " + step + " threw", e);
        outcome.succeed();
      }
    }, "meshwatch-agent-" + step);
    thread.setDaemon(true);
    thread.start();
    outcome.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (!outcome.isDone()) {
      LOG.log(Level.WARNING, "meshwatch agent {0} did not finish in time; giving up on it", step);
    } else if (!outcome.isSuccess()) {
      LOG.log(Level.WARNING, "meshwatch agent {0} failed (collector unreachable?); "
          + "data recorded since the last successful export was not delivered", step);
    }
  }
}
