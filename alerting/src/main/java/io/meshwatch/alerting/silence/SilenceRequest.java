package io.meshwatch.alerting.silence;

import io.meshwatch.alerting.routing.Matcher;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks for when creating a silence; {@link Silences#add} gives it an id and checks it.
 * {@code startsAt} null or in the past means now.
 */
public record SilenceRequest(
    List<Matcher> matchers,
    String createdBy,
    String comment,
    @Nullable Instant startsAt,
    Instant endsAt) {

  public SilenceRequest {
    matchers = matchers == null ? List.of() : List.copyOf(matchers);
  }
}
