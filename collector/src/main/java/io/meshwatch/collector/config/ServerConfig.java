package io.meshwatch.collector.config;

import io.meshwatch.model.DurationLabel;
import java.time.Duration;

/**
 * How the HTTP server guards itself against slow, idle and too many clients (the {@code server}
 * section of the config file, beside host, port and body size).
 *
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param headerTimeout how long a new connection may take to send its first request's head
 * @param bodyTimeout how long a request's body may take to arrive, from its head on
 * @param maxConnections how many connections may be open at once; beyond it a request is answered 503
 *     and its connection closed
 * @param maxConcurrentWrites how many write requests (ingest, descriptors, silences) may be in flight
 *     at once; beyond it they are answered 503
 * @param eventLoops how many event loops serve HTTP
 * @param retryAfter the wait a 503 for an overloaded or unwritable collector asks for
 */
public record ServerConfig(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections,
    int maxConcurrentWrites, int eventLoops, Duration retryAfter) {

  static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  static final int MAX_CONNECTIONS = 1_000_000;
  static final int MAX_EVENT_LOOPS = 64;

  /**
   * 60 s idle, 10 s for a head, 30 s for a body, 512 connections, 64 writes in flight, one event loop
   * per core (at least two), and 503s that ask for a 5 s wait.
   */
  public static final ServerConfig DEFAULTS = new ServerConfig(Duration.ofSeconds(60), Duration.ofSeconds(10),
      Duration.ofSeconds(30), 512, 64, Math.min(MAX_EVENT_LOOPS, Math.max(2, Runtime.getRuntime().availableProcessors())),
      Duration.ofSeconds(5));

  public ServerConfig {
    requireBetween("server.idleTimeout", idleTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
    requireBetween("server.headerTimeout", headerTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
    requireBetween("server.bodyTimeout", bodyTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
    requireBetween("server.retryAfter", retryAfter, Duration.ofSeconds(1), MAX_TIMEOUT);
    requireBetween("server.maxConnections", maxConnections, MAX_CONNECTIONS);
    requireBetween("server.maxConcurrentWrites", maxConcurrentWrites, MAX_CONNECTIONS);
    requireBetween("server.eventLoops", eventLoops, MAX_EVENT_LOOPS);
  }

  public ServerConfig withTimeouts(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout) {
    return new ServerConfig(idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxConcurrentWrites, eventLoops,
        retryAfter);
  }

  public ServerConfig withMaxConnections(int maxConnections) {
    return new ServerConfig(idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxConcurrentWrites, eventLoops,
        retryAfter);
  }

  public ServerConfig withMaxConcurrentWrites(int maxConcurrentWrites) {
    return new ServerConfig(idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxConcurrentWrites, eventLoops,
        retryAfter);
  }

  public ServerConfig withEventLoops(int eventLoops) {
    return new ServerConfig(idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxConcurrentWrites, eventLoops,
        retryAfter);
  }

  public ServerConfig withRetryAfter(Duration retryAfter) {
    return new ServerConfig(idleTimeout, headerTimeout, bodyTimeout, maxConnections, maxConcurrentWrites, eventLoops,
        retryAfter);
  }

  static void requireBetween(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(field + " must be between " + DurationLabel.of(min) + " and "
          + DurationLabel.of(max) + ", got " + label(value));
    }
  }

  private static String label(Duration value) {
    if (value == null) {
      return "nothing";
    }
    try {
      return DurationLabel.of(value);
    } catch (IllegalArgumentException e) {
      return value.toString();
    }
  }

  static void requireBetween(String field, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(field + " must be between 1 and " + max + ", got " + value);
    }
  }
}
