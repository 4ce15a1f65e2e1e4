package io.meshwatch.model;

import java.util.Locale;

/** How urgently a human must act: a page wakes the on-call, a ticket waits for working hours. */
public enum Severity {
  PAGE,
  TICKET;

  /** The value of the {@code severity} label, e.g. {@code page}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
