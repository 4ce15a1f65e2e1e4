package io.meshwatch.collector.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's readiness: every {@link ReadinessCheck} added, asked in order. Ready when every
 * verdict is. Checks may be added while the collector runs; safe for concurrent use.
 */
public final class Readiness {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

  /** Adds {@code check}; its verdict is part of every report from now on. */
  public Readiness add(ReadinessCheck check) {
    checks.add(check);
    return this;
  }

  /** Asks every check now. */
  public Report report() {
    List<Verdict> verdicts = new ArrayList<>(checks.size());
    for (ReadinessCheck check : checks) {
      verdicts.add(ask(check));
    }
    return new Report(verdicts);
  }

  private static Verdict ask(ReadinessCheck check) {
    try {
      Verdict verdict = check.check();
      return verdict != null ? verdict : Verdict.notReady(check.getClass().getSimpleName(), "the check gave no verdict");
    } catch (RuntimeException e) {
      LOG.warn("readiness check {} threw", check.getClass().getName(), e);
      return Verdict.notReady(check.getClass().getSimpleName(), "the check threw " + e);
    }
  }

  /** Every verdict of one report, and whether they are all ready. */
  public record Report(List<Verdict> verdicts) {

    public Report {
      verdicts = List.copyOf(verdicts);
    }

    public boolean ready() {
      return verdicts.stream().allMatch(Verdict::ready);
    }
  }
}
