package io.meshwatch.alerting.silence;

import io.meshwatch.alerting.routing.Matcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One silence: alerts whose labels satisfy all {@code matchers} are muted from {@code startsAt}
 * (inclusive) to {@code endsAt} (exclusive). As in Alertmanager, at least one matcher must not match
 * the empty string, so a silence can never mute every alert. A silence expired the instant it
 * started has {@code endsAt == startsAt}; new silences must end after they start (see
 * {@link Silences#add}).
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    String createdBy,
    String comment,
    Instant startsAt,
    Instant endsAt) {

  /** Where a silence is in time, relative to a given instant. */
  public enum State {
    /** Starts in the future. */
    PENDING,
    /** Mutes matching alerts now. */
    ACTIVE,
    /** Has ended; kept for a while to be listed, then forgotten. */
    EXPIRED;

    /** The name used in APIs, as in Alertmanager, e.g. {@code active}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @throws IllegalArgumentException listing every problem at once */
  public Silence {
    List<String> problems = new ArrayList<>();
    if (id == null || id.isBlank()) {
      problems.add("needs an id");
    }
    if (matchers == null || matchers.isEmpty()) {
      problems.add("needs at least one matcher");
    } else if (matchers.stream().anyMatch(Objects::isNull)) {
      problems.add("has a null matcher");
    } else if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
      problems.add("needs at least one matcher that does not match the empty string, else it would mute every alert; got "
          + matchers);
    }
    if (createdBy == null || createdBy.isBlank()) {
      problems.add("needs createdBy");
    }
    if (comment == null) {
      problems.add("needs a comment (may be empty)");
    }
    if (startsAt == null || endsAt == null) {
      problems.add("needs startsAt and endsAt");
    } else if (endsAt.isBefore(startsAt)) {
      problems.add("endsAt " + endsAt + " is before startsAt " + startsAt);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("silence " + (id == null ? "" : id + " ") + String.join("; ", problems));
    }
    matchers = List.copyOf(matchers);
  }

  public State state(Instant now) {
    if (now.isBefore(startsAt)) {
      return State.PENDING;
    }
    return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
  }

  /** Whether this silence is active at {@code now} and all its matchers hold for {@code labels}. */
  public boolean mutes(Map<String, String> labels, Instant now) {
    if (state(now) != State.ACTIVE) {
      return false;
    }
    for (Matcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** This silence ended at {@code now}; a pending one also starts then, as in Alertmanager. */
  Silence expiredAt(Instant now) {
    return switch (state(now)) {
      case EXPIRED -> this;
      case ACTIVE -> new Silence(id, matchers, createdBy, comment, startsAt, now);
      case PENDING -> new Silence(id, matchers, createdBy, comment, now, now);
    };
  }
}
