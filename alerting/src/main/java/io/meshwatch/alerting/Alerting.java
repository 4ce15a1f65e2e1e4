package io.meshwatch.alerting;

import io.meshwatch.alerting.dispatch.Acknowledgement;
import io.meshwatch.alerting.dispatch.Dispatcher;
import io.meshwatch.alerting.dispatch.FlushScheduler;
import io.meshwatch.alerting.inhibit.Inhibition;
import io.meshwatch.alerting.inhibit.LineageInhibitor;
import io.meshwatch.alerting.outbox.Outbox;
import io.meshwatch.alerting.outbox.OutboxOptions;
import io.meshwatch.alerting.routing.RouteTree;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.alerting.silence.SilenceRequest;
import io.meshwatch.alerting.silence.Silences;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.StateFile;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
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
import java.util.function.Supplier;

/**
 * Alerting as one piece: SLO status in, notifications out. Each evaluation runs the alert lifecycle,
 * lineage inhibition and the dispatcher (routing, grouping, silences, acknowledgements), and queues
 * what is due in the durable outbox, which delivers it. The state that decides what was already
 * notified is written to disk after every change, so that a restart neither forgets nor repeats. A
 * change whose state cannot be written is refused ({@link AlertingStorageException}) and undone:
 * what is in memory is then again what is on disk, and the next change works as if it never came.
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
  // 1: strings by writeUTF (at most 64 KiB each); 2: strings by TextCodec.
  private static final int STATE_VERSION = 2;
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
  private final StateFile state;
  private final FlushScheduler scheduler;
  private Map<String, Inhibition> inhibited = Map.of();
  // What is on disk: a failed change is undone by reading it back.
  private byte[] persisted;

  private Alerting(AlertingConfig config, Path dir, Function<ProductId, Optional<DataProduct>> descriptors,
      InstantSource clock, Outbox outbox, boolean fsync) {
    this.descriptors = descriptors;
    this.clock = clock;
    this.outbox = outbox;
    this.stateFile = dir.resolve(STATE_FILE);
    this.state = StateFile.open(stateFile, fsync);
    this.evaluator = new AlertEvaluator(new AlertPolicy(config.pendingFor(), config.keepFiringFor()), clock);
    this.silences = new Silences(clock);
    this.lineageInhibition = config.lineageInhibition();
    this.inhibitor = new LineageInhibitor(id -> descriptors.apply(id).map(DataProduct::upstream).orElse(List.of()));
    RouteTree routes = new RouteTree(config.route());
    OnCallReceivers onCall = new OnCallReceivers(descriptors);
    this.router = alert -> onCall.expand(alert, routes.match(alert.labels()));
    this.dispatcher = new Dispatcher(router, this::muteState, clock, this::enqueue);
    this.scheduler = new FlushScheduler(this::flushDue, this::nextFlush, clock);
    this.persisted = encode();
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
    change(() -> {
      evaluateInMemory(statuses);
      return null;
    });
    scheduler.changed();
  }

  private void evaluateInMemory(List<ProductStatus> statuses) {
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
  }

  /** Flushes the groups that are due (the scheduler calls this on time); returns the notifications queued. */
  public synchronized int flushDue() {
    return change(dispatcher::flushDue);
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
    return change(() -> dispatcher.acknowledge(fingerprint, by, comment));
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
    Silence silence = change(() -> silences.add(request));
    scheduler.changed();
    return silence;
  }

  /** Ends a silence now; its alerts are notified again at their group's next flush. */
  public synchronized Optional<Silence> expireSilence(String id) {
    Optional<Silence> expired = change(() -> silences.expire(id));
    expired.ifPresent(s -> scheduler.changed());
    return expired;
  }

  /** The damage found in alerting's state file when it opened: skipped and counted, never thrown. */
  public Damage stateDamage() {
    return state.damage();
  }

  /** The damage found in the outbox's log when it opened. */
  public Damage outboxDamage() {
    return outbox.damage();
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

  /**
   * Runs {@code mutation}, then writes the state it leaves; when either fails, the state on disk is
   * read back into memory before the exception goes on, so memory never holds what the disk does not.
   * (The outbox may have taken notifications meanwhile: they are durable before this writes, and
   * have the ids the restored state makes again, so they are not notified twice.)
   */
  private <T> T change(Supplier<T> mutation) {
    try {
      T result = mutation.get();
      byte[] next = encode();
      try {
        state.write(next);
      } catch (IOException e) {
        throw new AlertingStorageException("could not write alerting state to " + stateFile, e);
      }
      persisted = next;
      return result;
    } catch (RuntimeException e) {
      try {
        load(new DataInputStream(new ByteArrayInputStream(persisted)));
      } catch (IOException | RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(STATE_VERSION);
      evaluator.writeState(out);
      dispatcher.writeState(out);
      silences.writeState(out);
    } catch (IOException e) {
      throw new AlertingStorageException("could not encode alerting state", e);
    }
    return bytes.toByteArray();
  }

  private void restore() throws IOException {
    Optional<byte[]> stored = state.read();
    if (stored.isEmpty()) {
      return;
    }
    int version = new DataInputStream(new ByteArrayInputStream(stored.get())).readInt();
    if (version == 1) {
      // Written before strings had no bound: read as it was, written anew now.
      load(TextCodec.formatOne(new ByteArrayInputStream(stored.get())));
      persisted = encode();
      state.write(persisted);
      return;
    }
    if (version != STATE_VERSION) {
      throw new IOException(stateFile + " has state version " + version + ", this collector reads 1 and " + STATE_VERSION);
    }
    load(new DataInputStream(new ByteArrayInputStream(stored.get())));
    persisted = stored.get();
  }

  /** Replaces the state in memory by the encoded one, version first. */
  private void load(DataInput in) throws IOException {
    in.readInt();
    evaluator.readState(in);
    dispatcher = Dispatcher.readState(in, router, this::muteState, clock, this::enqueue);
    silences = Silences.readState(in, clock);
  }
}
