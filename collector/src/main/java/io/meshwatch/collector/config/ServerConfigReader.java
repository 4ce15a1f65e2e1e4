package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.descriptor.YamlMap;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the guard settings of the {@code server} section (timeouts, connection and write limits,
 * event loops, the 503s' wait); host, port and body size are {@link ConfigReader}'s. Each value is
 * checked against its bound where it is read, so a problem names its line.
 */
final class ServerConfigReader {

  static final List<String> FIELDS = List.of("idleTimeout", "headerTimeout", "bodyTimeout", "maxConnections",
      "maxConcurrentWrites", "eventLoops", "retryAfter");

  private ServerConfigReader() {}

  static ServerConfig read(@Nullable YamlMap server) {
    ServerConfig defaults = ServerConfig.DEFAULTS;
    if (server == null) {
      return defaults;
    }
    return new ServerConfig(
        or(server, "idleTimeout", "a duration", timeout("server.idleTimeout", ServerConfig.MIN_TIMEOUT), defaults.idleTimeout()),
        or(server, "headerTimeout", "a duration", timeout("server.headerTimeout", ServerConfig.MIN_TIMEOUT),
            defaults.headerTimeout()),
        or(server, "bodyTimeout", "a duration", timeout("server.bodyTimeout", ServerConfig.MIN_TIMEOUT), defaults.bodyTimeout()),
        or(server, "maxConnections", "a whole number", count("server.maxConnections", ServerConfig.MAX_CONNECTIONS),
            defaults.maxConnections()),
        or(server, "maxConcurrentWrites", "a whole number", count("server.maxConcurrentWrites", ServerConfig.MAX_CONNECTIONS),
            defaults.maxConcurrentWrites()),
        or(server, "eventLoops", "a whole number", count("server.eventLoops", ServerConfig.MAX_EVENT_LOOPS),
            defaults.eventLoops()),
        or(server, "retryAfter", "a duration", timeout("server.retryAfter", Duration.ofSeconds(1)), defaults.retryAfter()));
  }

  private static <T> T or(YamlMap map, String key, String expected, Function<String, T> parse, T fallback) {
    return ConfigReader.or(map.value(key, false, expected, parse), fallback);
  }

  private static Function<String, Duration> timeout(String field, Duration min) {
    return text -> {
      Duration duration = DurationText.parse(text);
      ServerConfig.requireBetween(field, duration, min, ServerConfig.MAX_TIMEOUT);
      return duration;
    };
  }

  private static Function<String, Integer> count(String field, int max) {
    return text -> {
      int value;
      try {
        value = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number between 1 and " + max + ", got '" + text + "'");
      }
      ServerConfig.requireBetween(field, value, max);
      return value;
    };
  }
}
