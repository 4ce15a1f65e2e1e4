package io.meshwatch.model;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where people go to act on a product: its runbook, its docs and its dashboard; any may be absent.
 * Alerts carry the runbook and dashboard links to the on-call.
 */
public record Links(@Nullable URI runbook, @Nullable URI docs, @Nullable URI dashboard) {

  /** No links. */
  public static final Links NONE = new Links(null, null, null);

  /** Runbook and docs, no dashboard. */
  public Links(@Nullable URI runbook, @Nullable URI docs) {
    this(runbook, docs, null);
  }
}
