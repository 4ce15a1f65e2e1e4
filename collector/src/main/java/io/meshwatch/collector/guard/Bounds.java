package io.meshwatch.collector.guard;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds the transports' tables share, and why each is what it is. Together they keep every
 * accepted value far from overflow in the engine's arithmetic (epoch milliseconds, nanosecond
 * durations, {@code long} sums of counts) and from the limits of what the store and the state files hold.
 */
public final class Bounds {

  /**
   * The largest count or row number: 2^53, the largest a {@code double} holds exactly, so that counts
   * reach {@code /metrics} and the JSON views unchanged, and 1024 of them summed still fit a {@code long}.
   */
  public static final long MAX_COUNT = 1L << 53;
  /**
   * The longest duration anything may have: an SLO window, a threshold, a burn-rate window, a history
   * step, a silence, one run or read, a configured timer. A leap year covers yearly windows; the store
   * keeps such a window in 8784 hourly buckets; in nanoseconds it is 3.2e16, a 300th of a {@code long}.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(366);
  /** The shortest rolling SLO window, as the model has it. */
  public static final Duration MIN_WINDOW = Duration.ofMinutes(5);
  /**
   * How old a reported data time may be: ten years. Older is a broken clock or a placeholder, and the
   * age of data stays well inside what epoch milliseconds and nanosecond durations hold.
   */
  public static final Duration MAX_DATA_AGE = Duration.ofDays(3650);
  /** Declared times (exclusions): the years ISO-8601 writes with four digits, after the epoch. */
  public static final Bound.Moment DECLARED_TIME =
      new Bound.Moment(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));

  /** Names that become label values or lookup keys: checks, consumers, owners, tags, receivers. */
  public static final Bound.Text NAME = new Bound.Text(1, 256);
  /** Free text shown to people: descriptions, silence and acknowledgement comments. */
  public static final Bound.Text PROSE = new Bound.Text(0, 4096);
  /** URLs and file paths. */
  public static final Bound.Text LOCATION = new Bound.Text(1, 2048);
  /** Identifiers shaped by a pattern of their own (product ids, SLO names, versions, time zones). */
  public static final Bound.Text IDENTIFIER = new Bound.Text(1, 256);

  /**
   * The text of a number, duration, time or word in a YAML transport, before it is parsed: whatever
   * its entry bounds, the text itself is short, so no message ever echoes megabytes.
   */
  public static final Bound.Text SCALAR = new Bound.Text(0, 256);

  /** Any count: 0 to {@link #MAX_COUNT}. */
  public static final Bound.Count COUNT = new Bound.Count(0, MAX_COUNT);
  /** Any row number as a {@code double}: 0 to {@link #MAX_COUNT}. */
  public static final Bound.Number ROWS = Bound.Number.closed(0, MAX_COUNT);
  /** Any duration from zero to {@link #MAX_DURATION}. */
  public static final Bound.Span DURATION = new Bound.Span(Duration.ZERO, MAX_DURATION);
  /** A duration above zero, at most {@link #MAX_DURATION}. */
  public static final Bound.Span POSITIVE_DURATION = new Bound.Span(Duration.ofMillis(1), MAX_DURATION);
  /** A rolling SLO window. */
  public static final Bound.Span WINDOW = new Bound.Span(MIN_WINDOW, MAX_DURATION);
  /** {@code true} or {@code false}. */
  public static final Bound.Choice BOOLEAN = new Bound.Choice(java.util.List.of("true", "false"));
  /** A map of named fields. */
  public static final Bound.Section SECTION = new Bound.Section();

  private Bounds() {}
}
