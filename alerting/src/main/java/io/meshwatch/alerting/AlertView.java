package io.meshwatch.alerting;

import io.meshwatch.alerting.dispatch.Acknowledgement;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it: the alert (with its inhibition annotated), whether it is silenced or
 * inhibited right now, and who acknowledged it.
 */
public record AlertView(Alert alert, MuteState mute, @Nullable Acknowledgement acknowledgement) {

  /** {@code pending}, {@code firing}, {@code resolved}; a firing alert that is muted is {@code suppressed}. */
  public String status() {
    return alert.state() == AlertState.FIRING && mute.muted() ? "suppressed" : alert.state().label();
  }
}
