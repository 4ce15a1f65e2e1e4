package io.meshwatch.alerting;

import io.meshwatch.model.ProductId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether an alert is muted right now, and by what: the ids of the silences matching it, and the
 * upstream product whose alert inhibits it. A muted alert is not notified as firing; one that was
 * notified before is still notified when it resolves.
 */
public record MuteState(List<String> silencedBy, @Nullable ProductId inhibitedBy) {

  /** Neither silenced nor inhibited. */
  public static final MuteState NONE = new MuteState(List.of(), null);

  public MuteState {
    silencedBy = List.copyOf(silencedBy);
  }

  public boolean silenced() {
    return !silencedBy.isEmpty();
  }

  public boolean inhibited() {
    return inhibitedBy != null;
  }

  public boolean muted() {
    return silenced() || inhibited();
  }
}
