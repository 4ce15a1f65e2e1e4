package io.meshwatch.alerting;

import java.time.Instant;

/** Tells whether an alert is silenced or inhibited at a given time; asked when a group is flushed. */
@FunctionalInterface
public interface Muting {

  /** Nothing is ever muted. */
  Muting NONE = (alert, now) -> MuteState.NONE;

  MuteState of(Alert alert, Instant now);
}
