package io.meshwatch.collector.health;

/**
 * One thing the collector needs to be ready, e.g. a writable journal. {@link Readiness} asks every
 * check on each {@code GET /ready}, so a check answers from state it keeps, quickly, and should not
 * throw (a check that throws counts as not ready, with the exception as its reason).
 *
 * <pre>{@code
 * collector.readiness().add(() -> damage.isEmpty()
 *     ? Verdict.ready("storage")
 *     : Verdict.notReady("storage", damage.describe()));
 * }</pre>
 */
@FunctionalInterface
public interface ReadinessCheck {

  /** The verdict now. */
  Verdict check();
}
