package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.YamlMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the {@code rateLimits} section: {@code perToken} and {@code perProduct}, each {@code requestsPerSecond} and {@code burst}. */
final class RateLimitsReader {

  static final List<String> FIELDS = List.of("perToken", "perProduct");
  static final List<String> BUDGET = List.of("requestsPerSecond", "burst");

  private RateLimitsReader() {}

  static RateLimits read(@Nullable YamlMap section) {
    if (section == null) {
      return RateLimits.DEFAULTS;
    }
    section.allowOnly(FIELDS);
    return new RateLimits(budget(section.map("perToken"), RateLimits.DEFAULTS.perToken()),
        budget(section.map("perProduct"), RateLimits.DEFAULTS.perProduct()));
  }

  private static RateLimits.Budget budget(@Nullable YamlMap map, RateLimits.Budget defaults) {
    if (map == null) {
      return defaults;
    }
    map.allowOnly(BUDGET);
    Double rate = map.value("requestsPerSecond", false, "a number of requests per second", RateLimitsReader::rate);
    Integer burst = map.value("burst", false, "a whole number of requests", RateLimitsReader::burst);
    return new RateLimits.Budget(rate == null ? defaults.requestsPerSecond() : rate,
        burst == null ? defaults.burst() : burst);
  }

  private static double rate(String text) {
    double rate;
    try {
      rate = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      rate = Double.NaN;
    }
    if (!(rate > 0) || rate > RateLimits.MAX_RATE) {
      throw new IllegalArgumentException("must be a number above 0 and at most 1000000, got '" + text + "'");
    }
    return rate;
  }

  private static int burst(String text) {
    try {
      int burst = Integer.parseInt(text.strip());
      if (burst >= 1 && burst <= RateLimits.MAX_BURST) {
        return burst;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("must be a whole number between 1 and 10000000, got '" + text + "'");
  }
}
