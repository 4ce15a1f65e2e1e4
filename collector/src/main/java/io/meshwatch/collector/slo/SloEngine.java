package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SloSpec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Measures every registered product against its SLOs. Ingest calls {@link #record} for each decoded
 * signal (from any thread, lock-free apart from the one SLO series being written); a timer calls
 * {@link #evaluate} to compute every product's {@link ProductStatus}, which {@link #status} and
 * {@link #statuses} then serve until the next evaluation.
 *
 * <p>{@code lastSeen} and silence are judged by this engine's clock when a signal is recorded (or the
 * receipt time a replay passes in), not by the reporter's timestamps. Event counts are placed by the
 * signal's {@code observedAt} (never later than receipt); freshness is classified per elapsed minute,
 * up to each signal's receipt before it is applied and up to now at evaluation, so the counts do not
 * depend on how often evaluation runs. {@link #register}, {@link #remove} and {@link #evaluate}
 * serialise on the engine; none of them is on the hot path. Signals of a product with a freshness
 * SLO take that product's lock to update its contact state; event counting stays lock-free.
 *
 * <p>A freshness or volume SLO that declares no threshold is judged against what the engine learned
 * (docs/BASELINES.md): freshness against the product's update cadence, volume against the band of
 * rows per run, each run judged before it is learned from. Nothing is counted until the baseline is
 * ready; its status shows the baseline either way. Learners are guarded by the product's lock.
 *
 * <p>{@link #writeState} and {@link #readState} save and restore everything the engine measured, so
 * that an engine restored from a snapshot and fed the signals received after it evaluates exactly as
 * the engine that never stopped ({@code EngineSnapshot} has the format).
 *
 * <pre>{@code
 * SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));
 * engine.register(product);
 * engine.record(new Signal.Heartbeat(product.id(), observedAt));   // ingest threads
 * List<ProductStatus> statuses = engine.evaluate();                  // the evaluation timer
 * }</pre>
 */
public final class SloEngine {

  private static final System.Logger LOG = System.getLogger(SloEngine.class.getName());
  /** The order of products in statuses and snapshots. */
  static final Comparator<ProductId> BY_ID =
      Comparator.comparing(ProductId::domain).thenComparing(ProductId::name);

  /** Receipt times the engine's arithmetic (epoch milliseconds, with room for a window) can take. */
  static final Instant EARLIEST_RECEIPT = Instant.ofEpochMilli(Long.MIN_VALUE / 2);
  static final Instant LATEST_RECEIPT = Instant.ofEpochMilli(Long.MAX_VALUE / 2);

  private final InstantSource clock;
  private final SliStore store;
  private final ProductEvaluator evaluator;
  private final Map<ProductId, ProductTrack> products = new ConcurrentHashMap<>();
  private final LongAdder ignored = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile Map<ProductId, ProductStatus> last = Map.of();

  /** An engine keeping its counts in memory. */
  public SloEngine(InstantSource clock, Duration silenceTimeout) {
    this(clock, silenceTimeout, new MemorySliStore());
  }

  /** An engine keeping its counts in {@code store}. */
  public SloEngine(InstantSource clock, Duration silenceTimeout, SliStore store) {
    if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
      throw new IllegalArgumentException("silence timeout must be positive, got " + silenceTimeout);
    }
    this.clock = clock;
    this.store = store;
    this.evaluator = new ProductEvaluator(silenceTimeout);
  }

  /**
   * Adds {@code product} or replaces its registration. SLOs that keep their name and kind keep their
   * history (resized to a changed window); SLOs whose kind changed start empty; removed SLOs are
   * dropped. What the agent reported so far (last seen, data time) is kept.
   */
  public synchronized void register(DataProduct product) {
    ProductId id = product.id();
    ProductTrack existing = products.get(id);
    if (existing == null) {
      products.put(id, new ProductTrack(id, tracks(product, Map.of())));
      return;
    }
    // Freshness cursors carry over from the old tracks: no minute may be classified in between.
    existing.lock().lock();
    try {
      Map<String, SloTrack> before = new HashMap<>();
      existing.slos().forEach(slo -> before.put(slo.spec().name(), slo));
      existing.slos(tracks(product, before));
    } finally {
      existing.lock().unlock();
    }
  }

  private List<SloTrack> tracks(DataProduct product, Map<String, SloTrack> before) {
    ProductId id = product.id();
    long minute = FreshnessMinutes.minuteOf(clock.instant());
    List<SloTrack> tracks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SloSpec spec : product.slos()) {
      names.add(spec.name());
      SloTrack old = before.get(spec.name());
      if (old != null && old.spec().kind() != spec.kind()) {
        store.drop(id, spec.name());
        old = null;
      }
      SliSeries series = store.open(id, spec.name(), spec.window().longest());
      tracks.add(old == null ? new SloTrack(spec, series, minute) : old.respecified(spec, series));
    }
    before.keySet().stream().filter(name -> !names.contains(name)).forEach(name -> store.drop(id, name));
    return tracks;
  }

  /** Forgets {@code product}, its history and its last status. */
  public synchronized void remove(ProductId product) {
    ProductTrack removed = products.remove(product);
    if (removed == null) {
      return;
    }
    removed.slos().forEach(slo -> store.drop(product, slo.spec().name()));
    if (last.containsKey(product)) {
      Map<ProductId, ProductStatus> without = new LinkedHashMap<>(last);
      without.remove(product);
      last = without;
    }
  }

  /**
   * Writes everything the engine measured: per product its contact and data times and learned
   * cadence, per SLO its freshness cursor, counts and learned band ({@code EngineSnapshot} has the format). The
   * caller makes sure no {@link #record}, {@link #evaluate} or {@link #register} runs meanwhile.
   */
  public synchronized void writeState(DataOutput out) throws IOException {
    List<ProductTrack> tracks = new ArrayList<>(products.values());
    tracks.sort(Comparator.comparing(ProductTrack::id, BY_ID));
    EngineSnapshot.write(tracks, store, out);
  }

  /**
   * Restores what {@link #writeState} wrote into this engine, whose products are already registered
   * (from their descriptors, at restart): each product and SLO present in both (same product id, SLO
   * name and kind) takes its saved state, an SLO whose window changed resized as {@link #register}
   * would; what the snapshot holds beyond that is skipped, counted in the result and logged; what it
   * lacks stays as registered. A product whose saved state cannot be read or applied starts empty
   * (counted in {@link #faults()} and logged) and the others are restored. Afterwards, fed the signals
   * received since the snapshot at their receipt times, the engine evaluates exactly as the one that
   * wrote it, but for such products. The caller makes sure no {@link #record}, {@link #evaluate} or
   * {@link #register} runs meanwhile.
   *
   * @throws IOException when the input is not an engine snapshot, of another version, truncated or
   *     its framing inconsistent; the engine is then unchanged
   */
  public synchronized RestoredState readState(DataInput in) throws IOException {
    RestoredState result = SnapshotRestore.apply(products, store, EngineSnapshot.read(store, in), clock.instant());
    boolean skipped = !result.skippedProducts().isEmpty() || !result.skippedSlos().isEmpty()
        || !result.failedProducts().isEmpty();
    LOG.log(skipped ? Level.WARNING : Level.INFO,
        "restored the state of " + result.products() + " products and " + result.slos() + " SLOs; skipped "
            + result.skippedProducts().size() + " products no longer registered " + result.skippedProducts()
            + " and " + result.skippedSlos().size() + " SLOs no longer declared with their kind "
            + result.skippedSlos() + "; " + result.failedProducts().size() + " products started empty, their saved"
            + " state unreadable " + result.failedProducts());
    return result;
  }

  /**
   * Counts {@code signal} into the SLOs it feeds, received now by the engine's clock. Signals of
   * unregistered products are ignored and counted ({@link #ignoredSignals()}); this never throws: a
   * signal that cannot be counted is counted as dropped for its product ({@link #faults()}) and
   * logged the first time.
   */
  public void record(Signal signal) {
    record(signal, clock.instant());
  }

  /**
   * Counts {@code signal} as if received at {@code receivedAt}: a journal replay re-applies signals at
   * their original receipt times and reaches the state the engine had. Freshness minutes up to
   * {@code receivedAt} are classified with what was known before this signal.
   */
  public void record(Signal signal, Instant receivedAt) {
    ProductTrack product = products.get(signal.product());
    if (product == null) {
      ignored.increment();
      return;
    }
    if (receivedAt.isBefore(EARLIEST_RECEIPT) || receivedAt.isAfter(LATEST_RECEIPT)) {
      // Only a broken clock or a damaged journal gives such a time; it must not become the product's last contact.
      dropped.increment();
      product.faults().signalDropped(signal, new ArithmeticException("receipt time " + receivedAt + " lies outside "
          + EARLIEST_RECEIPT + " .. " + LATEST_RECEIPT));
      return;
    }
    try {
      if (product.tracksFreshness()) {
        product.lock().lock();
        try {
          // An SLO whose minutes cannot be classified shows state error at evaluation; the signal still counts.
          evaluator.classify(product, receivedAt);
          noteContact(product, signal, receivedAt);
        } finally {
          product.lock().unlock();
        }
      } else {
        // Without a freshness SLO nothing is judged from last seen or data time: stay lock-free.
        noteContact(product, signal, receivedAt);
      }
      if (signal instanceof Signal.FreshnessUpdate) {
        return;
      }
      boolean kept = true;
      RuntimeException failure = null;
      for (SloTrack slo : product.slos()) {
        try {
          kept &= count(product, slo, signal, receivedAt);
        } catch (RuntimeException e) {
          // The SLOs after a failing one still count the signal; it is dropped (and counted) once.
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        dropped.increment();
        product.faults().signalDropped(signal, failure);
      } else if (!kept) {
        dropped.increment();
        product.faults().signalTooOld();
      }
    } catch (RuntimeException e) {
      dropped.increment();
      product.faults().signalDropped(signal, e);
    }
  }

  /** Counts {@code signal} into {@code slo}; false if it was older than the SLO's series keeps. */
  private static boolean count(ProductTrack product, SloTrack slo, Signal signal, Instant receivedAt) {
    Counts counts = slo.volume() != null && signal instanceof Signal.VolumeWritten written
        ? judgeAndLearn(product, slo, written)
        : SignalClassifier.classify(slo.spec(), signal);
    return counts == null || counts.isEmpty()
        || slo.series().add(signal.observedAt(), counts.good(), counts.total(), receivedAt);
  }

  /**
   * The current window of {@code slo} of {@code product} in buckets of {@code step}; empty for an
   * unknown product or SLO.
   *
   * @throws IllegalArgumentException if {@code step} is under a minute or the window would need more
   *     than {@link SloHistory#MAX_POINTS} points
   */
  public Optional<SloHistory> history(ProductId product, String slo, Duration step) {
    SloHistory.checkStep(step);
    ProductTrack track = products.get(product);
    if (track == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    evaluator.classify(track, now);
    return track.slos().stream().filter(s -> s.spec().name().equals(slo)).findFirst()
        .map(s -> SloHistory.read(product, s.spec(), s.series(), step, now));
  }

  /** Evaluates every product at the clock's instant, keeps the result for {@link #status} and returns it. */
  public synchronized List<ProductStatus> evaluate() {
    return evaluate(clock.instant());
  }

  /**
   * Classifies every product's freshness minutes up to {@code now}. A caller that stamps signals
   * with receipt times calls it where no signal stamped before {@code now} is still on its way in,
   * so that a minute is never judged without a signal received within it (a replay would judge it
   * with that signal, and the restarted engine would differ).
   */
  public void classifyUpTo(Instant now) {
    for (ProductTrack product : products.values()) {
      // What cannot be classified is reported by the evaluation, which tries again.
      evaluator.classify(product, now);
    }
  }

  /** Like {@link #evaluate()}, at {@code now}. */
  public synchronized List<ProductStatus> evaluate(Instant now) {
    List<ProductTrack> tracks = new ArrayList<>(products.values());
    tracks.sort(Comparator.comparing(ProductTrack::id, BY_ID));
    Map<ProductId, ProductStatus> result = new LinkedHashMap<>();
    for (ProductTrack product : tracks) {
      result.put(product.id(), evaluator.evaluate(product, now));
    }
    last = result;
    return List.copyOf(result.values());
  }

  /** The track of {@code product}, {@code null} if not registered; for this package's tests. */
  @Nullable ProductTrack track(ProductId product) {
    return products.get(product);
  }

  /** The status of {@code product} at the last evaluation; empty before it or for an unknown product. */
  public Optional<ProductStatus> status(ProductId product) {
    return Optional.ofNullable(last.get(product));
  }

  /** Every product's status at the last evaluation, sorted by product id. */
  public List<ProductStatus> statuses() {
    return List.copyOf(last.values());
  }

  /** Signals for products that are not registered, ignored since start. */
  public long ignoredSignals() {
    return ignored.sum();
  }

  /** Signals of registered products not (fully) counted: older than an SLO keeps, or unreadable. */
  public long droppedSignals() {
    return dropped.sum();
  }

  /** What went wrong with each registered product, sorted by product id. */
  public List<FaultCounts> faults() {
    List<ProductTrack> tracks = new ArrayList<>(products.values());
    tracks.sort(Comparator.comparing(ProductTrack::id, BY_ID));
    return tracks.stream().map(track -> track.faults().counts()).toList();
  }

  /** A learned band is not thread-safe: its product's lock guards it (reentrant where already held). */
  private static @Nullable Counts judgeAndLearn(ProductTrack product, SloTrack slo, Signal.VolumeWritten written) {
    product.lock().lock();
    try {
      return slo.judgeAndLearn(written);
    } finally {
      product.lock().unlock();
    }
  }

  private static void noteContact(ProductTrack product, Signal signal, Instant now) {
    product.seen(now);
    if (signal instanceof Signal.FreshnessUpdate update) {
      product.dataUpdated(update.dataTime(), now);
    }
  }
}
