package io.meshwatch.alerting.silence;

import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Matchers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The silences of one collector. Thread-safe: lookups read an immutable snapshot without locking
 * (they run per alert), changes copy it under a lock (they come from a person, rarely). Silences
 * that expired more than the retention ago (5 days by default, like Alertmanager) are forgotten.
 *
 * <pre>{@code
 * Silences silences = new Silences(clock);
 * Silence s = silences.add(new SilenceRequest(List.of(Matcher.parse("product=sales.orders")),
 *     "ana", "backfill until noon", null, noon));
 * List<String> mutedBy = silences.silencing(alert.labels(), clock.instant());
 * }</pre>
 */
public final class Silences {
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(5);

  private final InstantSource clock;
  private final Duration retention;
  private final Object lock = new Object();
  private volatile Entry[] entries = new Entry[0];

  /** A silence with its matchers compiled once. */
  record Entry(Silence silence, Matchers matchers) {
    Entry(Silence silence) {
      this(silence, Matchers.of(silence.matchers()));
    }
  }

  public Silences(InstantSource clock) {
    this(clock, DEFAULT_RETENTION);
  }

  public Silences(InstantSource clock, Duration retention) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("silence retention must not be negative, got " + retention);
    }
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Creates a silence with a new random id. A start in the past (or none) becomes now.
   *
   * @throws IllegalArgumentException listing what is wrong with the request, e.g. an end not after the start
   */
  public Silence add(SilenceRequest request) {
    Instant now = clock.instant();
    Instant startsAt = request.startsAt() == null || request.startsAt().isBefore(now) ? now : request.startsAt();
    String timing = request.endsAt() != null && !request.endsAt().isAfter(startsAt)
        ? "endsAt " + request.endsAt() + " must be after its start " + startsAt + (startsAt.equals(now) ? " (now)" : "")
        : null;
    Silence silence;
    try {
      silence = new Silence(UUID.randomUUID().toString(), request.matchers(), request.createdBy(),
          request.comment(), startsAt, request.endsAt());
    } catch (IllegalArgumentException e) {
      throw timing == null ? e : new IllegalArgumentException(e.getMessage() + "; " + timing, e);
    }
    if (timing != null) {
      throw new IllegalArgumentException("silence " + timing);
    }
    Entry entry = new Entry(silence);
    synchronized (lock) {
      Entry[] kept = withoutGarbage(entries, now);
      Entry[] next = Arrays.copyOf(kept, kept.length + 1);
      next[kept.length] = entry;
      entries = next;
    }
    return silence;
  }

  public Optional<Silence> get(String id) {
    for (Entry entry : entries) {
      if (entry.silence.id().equals(id)) {
        return Optional.of(entry.silence);
      }
    }
    return Optional.empty();
  }

  /** Every silence kept, pending, active and recently expired, oldest first. */
  public List<Silence> list() {
    Entry[] snapshot = entries;
    List<Silence> out = new ArrayList<>(snapshot.length);
    for (Entry entry : snapshot) {
      out.add(entry.silence);
    }
    return List.copyOf(out);
  }

  /**
   * Ends the silence now (a pending one also starts now, as in Alertmanager). Expiring an expired
   * silence changes nothing, so a repeated DELETE is harmless.
   *
   * @return the silence as it is now, or empty when no silence has this id
   */
  public Optional<Silence> expire(String id) {
    Instant now = clock.instant();
    synchronized (lock) {
      Entry[] current = entries;
      for (int i = 0; i < current.length; i++) {
        Silence silence = current[i].silence;
        if (silence.id().equals(id)) {
          Silence expired = silence.expiredAt(now);
          if (expired != silence) {
            Entry[] next = current.clone();
            next[i] = new Entry(expired, current[i].matchers);
            entries = next;
          }
          return Optional.of(expired);
        }
      }
    }
    return Optional.empty();
  }

  /** The ids of the silences active at {@code now} that mute an alert with these labels; usually empty. */
  public List<String> silencing(Map<String, String> labels, Instant now) {
    List<String> ids = null;
    for (Entry entry : entries) {
      if (entry.silence.state(now) == Silence.State.ACTIVE && entry.matchers.matches(labels)) {
        if (ids == null) {
          ids = new ArrayList<>(1);
        }
        ids.add(entry.silence.id());
      }
    }
    return ids == null ? List.of() : List.copyOf(ids);
  }

  /**
   * Forgets silences that expired more than the retention ago; also done on each {@link #add}.
   *
   * @return how many were forgotten
   */
  public int collectGarbage() {
    synchronized (lock) {
      Entry[] current = entries;
      entries = withoutGarbage(current, clock.instant());
      return current.length - entries.length;
    }
  }

  /**
   * Whether silences with these matchers can only mute alerts of {@code domain}'s products: some
   * matcher requires the {@code domain} label to equal it. A domain's token may only create those.
   */
  public static boolean pinsDomain(List<Matcher> matchers, String domain) {
    return matchers.stream().anyMatch(m -> pinsADomain(m) && m.value().equals(domain));
  }

  /** The domain an equality matcher on {@code domain} pins the silence to, if any (the first such). */
  public static Optional<String> pinnedDomain(List<Matcher> matchers) {
    return matchers.stream().filter(Silences::pinsADomain).map(Matcher::value).findFirst();
  }

  private static boolean pinsADomain(Matcher matcher) {
    return matcher.name().equals(AlertLabels.DOMAIN) && matcher.op() == Matcher.Op.EQUAL;
  }


  /** Writes every silence kept, for {@link #readState} after a restart. */
  public void writeState(DataOutput out) throws IOException {
    SilenceCodec.write(out, list());
  }

  /**
   * Silences as {@link #writeState} wrote them, minus those expired longer than the default retention ago.
   *
   * @throws IOException when the stream is not such state, saying why
   */
  public static Silences readState(DataInput in, InstantSource clock) throws IOException {
    return readState(in, clock, DEFAULT_RETENTION);
  }

  public static Silences readState(DataInput in, InstantSource clock, Duration retention) throws IOException {
    Silences silences = new Silences(clock, retention);
    silences.replaceAll(SilenceCodec.read(in));
    return silences;
  }

  private void replaceAll(List<Silence> silences) {
    Entry[] next = silences.stream().map(Entry::new).toArray(Entry[]::new);
    synchronized (lock) {
      entries = withoutGarbage(next, clock.instant());
    }
  }

  private Entry[] withoutGarbage(Entry[] current, Instant now) {
    Instant forgetBefore = now.minus(retention);
    int kept = 0;
    Entry[] out = new Entry[current.length];
    for (Entry entry : current) {
      if (!entry.silence.endsAt().isBefore(forgetBefore)) {
        out[kept++] = entry;
      }
    }
    return kept == current.length ? current : Arrays.copyOf(out, kept);
  }
}
