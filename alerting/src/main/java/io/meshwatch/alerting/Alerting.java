package io.meshwatch.alerting;

import io.meshwatch.alerting.dispatch.Acknowledgement;
import io.meshwatch.alerting.dispatch.Dispatcher;
import io.meshwatch.alerting.dispatch.FlushScheduler;
import io.meshwatch.alerting.inhibit.Inhibition;
import io.meshwatch.alerting.inhibit.LineageInhibitor;
import io.meshwatch.alerting.outbox.Outbox;
import io.meshwatch.alerting.outbox.OutboxOptions;
import io.meshwatch.alerting.outbox.StateFile;
import io.meshwatch.alerting.routing.RouteTree;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.alerting.silence.SilenceRequest;
import io.meshwatch.alerting.silence.Silences;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alerting as one piece: SLO status in, notifications out. Each evaluation runs the alert lifecycle,
 * lineage inhibition and the dispatcher (routing, grouping, silences, acknowledgements), and queues
 * what is due in the durable outbox, which delivers it. The state that decides what was already
 * notified is written to disk after every change, so that a restart neither forgets nor repeats.
 *
 * <pre>{@code
 * try (Alerting alerting = Alerting.open(AlertingConfig.defaults(), dataDir.resolve("alerting"), catalog::find,
 *     InstantSource.system(), DeliveryListener.NONE, false)) {
 *   alerting.start();
 *   alerting.evaluate(engine.evaluate(now));
 * }
 * }</pre>
 */
public final class Alerting implements AutoCloseable {
  private static final int STATE_VERSION = 1;
  private static final String STATE_FILE = "state.bin";

  private final AlertEvaluator evaluator;
  private final Function<Alert, List<RoutedTo>> router;
  // Replaced by the stored ones when open() restores; only then.
  private Silences silences;
  private Dispatcher dispatcher;
  private final Outbox outbox;
  private final LineageInhibitor inhibitor;
  private final boolean lineageInhibition;
  private final Function<ProductId, Optional<DataProduct>> descriptors;
  private final InstantSource clock;
  private final Path stateFile;
  private final FlushScheduler scheduler;
  private final boolean fsync;
  private Map<String, Inhibition> inhibited = Map.of();

  private Alerting(AlertingConfig config, Path dir, Function<ProductId, Optional<DataProduct>> descriptors,
      InstantSource clock, Outbox outbox, boolean fsync) {
    this.fsync = fsync;
    this.descriptors = descriptors;
    this.clock = clock;
    this.outbox = outbox;
    this.stateFile = dir.resolve(STATE_FILE);
    this.evaluator = new AlertEvaluator(new AlertPolicy(config.pendingFor(), config.keepFiringFor()), clock);
    this.silences = new Silences(clock);
    this.lineageInhibition = config.lineageInhibition();
    this.inhibitor = new LineageInhibitor(id -> descriptors.apply(id).map(DataProduct::upstream).orElse(List.of()));
    RouteTree routes = new RouteTree(config.route());
    OnCallReceivers onCall = new OnCallReceivers(descriptors);
    this.router = alert -> onCall.expand(alert, routes.match(alert.labels()));
    this.dispatcher = new Dispatcher(router, this::muteState, clock, this::enqueue);
    this.scheduler = new FlushScheduler(this::flushDue, this::nextFlush, clock);
  }

  /**
   * Opens alerting with its state kept in {@code dir} (created if missing): restores what was
   * notified, silenced and acknowledged, and the outbox's pending notifications. Delivery starts
   * with {@link #start()}.
   *
   * @param fsync whether the outbox forces each record to disk (survives a power loss) or only writes
   *     it to the operating system (survives {@code kill -9} of the process), as the journal does
   */
  public static Alerting open(AlertingConfig config, Path dir, Function<ProductId, Optional<DataProduct>> descriptors,
      InstantSource clock, DeliveryListener listener, boolean fsync) throws IOException {
    Files.createDirectories(dir);
    ReceiverDirectory receivers = new ReceiverDirectory(config, clock);
    Outbox outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.defaults().withMaxAge(config.delivery().maxRetryAge()).withFsync(fsync),
        receivers::notifier, clock, listener);
    Alerting alerting = new Alerting(config, dir, descriptors, clock, outbox, fsync);
    try {
      alerting.restore();
    } catch (IOException | RuntimeException e) {
      outbox.close();
      throw e;
    }
    return alerting;
  }

  /** Starts delivering queued notifications and flushing groups on time, on threads of alerting's own. */
  public void start() {
    outbox.start();
    scheduler.start();
  }

  /** Takes one round of SLO status: alerts move through their lifecycle, and what is due is queued. */
  public synchronized void evaluate(List<ProductStatus> statuses) {
    List<AlertTransition> transitions = evaluator.update(statuses, descriptors);
    List<Alert> firing = evaluator.active().stream().filter(a -> a.state() == AlertState.FIRING).toList();
    inhibited = lineageInhibition ? inhibitor.inhibitions(firing) : Map.of();
    List<Alert> told = new ArrayList<>(firing.size() + transitions.size());
    for (Alert alert : firing) {
      told.add(annotated(alert));
    }
    for (AlertTransition transition : transitions) {
      if (transition.to() == AlertState.RESOLVED) {
        told.add(transition.alert());
      }
    }
    dispatcher.accept(told);
    dispatcher.flushDue();
    persist();
    scheduler.changed();
  }

  /** Flushes the groups that are due (the scheduler calls this on time); returns the notifications queued. */
  public synchronized int flushDue() {
    int queued = dispatcher.flushDue();
    if (queued > 0) {
      persist();
    }
    return queued;
  }

  /** When the next group is due, if any. */
  public synchronized Optional<Instant> nextFlush() {
    return dispatcher.nextFlush();
  }

  /** Pending, firing and recently resolved alerts, with their mute state and acknowledgement. */
  public synchronized List<AlertView> alerts() {
    Instant now = clock.instant();
    List<AlertView> views = new ArrayList<>();
    for (Alert alert : evaluator.tracked()) {
      Alert shown = annotated(alert);
      views.add(new AlertView(shown, muteState(shown, now), dispatcher.acknowledgement(alert.fingerprint()).orElse(null)));
    }
    return views;
  }

  /** Acknowledges a firing alert: no more repeats until it resolves, and receivers that know acks are told. */
  public synchronized Optional<Acknowledgement> acknowledge(String fingerprint, String by, String comment) {
    Optional<Acknowledgement> ack = dispatcher.acknowledge(fingerprint, by, comment);
    if (ack.isPresent()) {
      persist();
    }
    return ack;
  }

  /** The silences, active, pending and recently expired. */
  public synchronized List<Silence> silences() {
    return silences.list();
  }

  public synchronized Optional<Silence> silence(String id) {
    return silences.get(id);
  }

  /** Adds a silence; it mutes matching alerts from its start to its end. */
  public synchronized Silence addSilence(SilenceRequest request) {
    Silence silence = silences.add(request);
    persist();
    scheduler.changed();
    return silence;
  }

  /** Ends a silence now; its alerts are notified again at their group's next flush. */
  public synchronized Optional<Silence> expireSilence(String id) {
    Optional<Silence> expired = silences.expire(id);
    expired.ifPresent(s -> {
      persist();
      scheduler.changed();
    });
    return expired;
  }

  /** Notifications queued and not yet delivered. */
  public int pendingNotifications() {
    return outbox.pending().size();
  }

  @Override
  public void close() {
    scheduler.close();
    outbox.close();
  }

  private Alert annotated(Alert alert) {
    Inhibition inhibition = inhibited.get(alert.fingerprint());
    return inhibition == null ? alert : LineageInhibitor.annotate(alert, inhibition);
  }

  private MuteState muteState(Alert alert, Instant now) {
    Inhibition inhibition = inhibited.get(alert.fingerprint());
    return new MuteState(silences.silencing(alert.labels(), now), inhibition == null ? null : inhibition.rootCause());
  }

  private void enqueue(Notification notification) {
    try {
      outbox.enqueue(notification);
    } catch (IOException e) {
      throw new AlertingStorageException("could not queue notification " + notification.id() + " to " + notification.receiver(), e);
    }
  }

  private void persist() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(STATE_VERSION);
      evaluator.writeState(out);
      dispatcher.writeState(out);
      silences.writeState(out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    try {
      StateFile.write(stateFile, bytes.toByteArray(), fsync);
    } catch (IOException e) {
      throw new AlertingStorageException("could not write alerting state to " + stateFile, e);
    }
  }

  private void restore() throws IOException {
    Optional<byte[]> stored = StateFile.read(stateFile);
    if (stored.isEmpty()) {
      return;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.get()))) {
      int version = in.readInt();
      if (version != STATE_VERSION) {
        throw new IOException(stateFile + " has state version " + version + ", this collector reads " + STATE_VERSION);
      }
      evaluator.readState(in);
      dispatcher = Dispatcher.readState(in, router, this::muteState, clock, this::enqueue);
      silences = Silences.readState(in, clock);
    }
  }
}
