package io.meshwatch.model;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Where people go to act on a product: its runbook and its docs; either may be absent. */
public record Links(@Nullable URI runbook, @Nullable URI docs) {

  /** No links. */
  public static final Links NONE = new Links(null, null);
}
