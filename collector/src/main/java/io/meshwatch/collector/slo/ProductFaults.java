package io.meshwatch.collector.slo;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What went wrong with one product in the engine: evaluations that failed (in part or whole),
 * signals it could not count, saved state it could not restore. Each kind is counted, and logged
 * the first time only (an evaluation failure again once it has succeeded in between), so that a
 * product whose data trips the engine on every tick neither floods the log nor goes unnoticed.
 * Thread-safe.
 */
final class ProductFaults {

  private static final System.Logger LOG = System.getLogger(SloEngine.class.getName());

  private final ProductId product;
  private final LongAdder failedEvaluations = new LongAdder();
  private final LongAdder droppedSignals = new LongAdder();
  private final LongAdder failedRestores = new LongAdder();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicBoolean dropLogged = new AtomicBoolean();
  private final AtomicBoolean notSavedLogged = new AtomicBoolean();

  ProductFaults(ProductId product) {
    this.product = product;
  }

  /** An evaluation of the product failed where {@code what} says; logged once per run of failures. */
  void evaluationFailed(String what, RuntimeException cause) {
    failedEvaluations.increment();
    if (failing.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "could not evaluate " + what + " of product " + product + "; its SLOs that failed show"
          + " state error until an evaluation succeeds, and further failures are only counted", cause);
    }
  }

  /** An evaluation of the product succeeded whole. */
  void evaluated() {
    if (failing.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "product " + product + " evaluates again, after " + failedEvaluations.sum()
          + " failed evaluations since start");
    }
  }

  /** A signal of the product was not (fully) counted; {@code cause} is null when it was too old to count. */
  void signalDropped(Signal signal, RuntimeException cause) {
    droppedSignals.increment();
    Level level = dropLogged.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
    LOG.log(level, "could not count " + signal + "; dropped (further drops of " + product + " are only counted)", cause);
  }

  /** A signal of the product was older than one of its SLOs keeps, so not counted there. */
  void signalTooOld() {
    droppedSignals.increment();
  }

  /** The product's state took {@code bytes}, more than a snapshot keeps of one product; logged once. */
  void notSaved(int bytes, int maxBytes) {
    Level level = notSavedLogged.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
    LOG.log(level, "the state of product " + product + " takes " + bytes + " bytes, more than the " + maxBytes
        + " a snapshot keeps of one product: snapshots hold its id alone, so a restart starts it empty (only its"
        + " signals journaled since the snapshot are replayed); further snapshots of it are not logged");
  }

  /** The product's saved state could not be read or applied; it starts empty. */
  void restoreFailed(String why) {
    failedRestores.increment();
    LOG.log(Level.WARNING, "could not restore the saved state of product " + product + " (" + why
        + "); it starts empty, every product whose state can be read is restored");
  }

  FaultCounts counts() {
    return new FaultCounts(product, failedEvaluations.sum(), droppedSignals.sum(), failedRestores.sum());
  }
}
