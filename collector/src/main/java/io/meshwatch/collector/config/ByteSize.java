package io.meshwatch.collector.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in config: plain bytes ({@code 1048576}) or binary units ({@code 512KiB}, {@code 4MiB}, {@code 1GiB}). */
final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

  private ByteSize() {}

  static long parse(String text) {
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("must be a size such as 4MiB, 512KiB or 1048576 (bytes), got '" + text + "'");
    }
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    int shift = switch (unit) {
      case "KiB" -> 10;
      case "MiB" -> 20;
      case "GiB" -> 30;
      default -> 0;
    };
    try {
      long amount = Long.parseLong(matcher.group(1));
      if (amount > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return amount << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size is too large: '" + text + "'");
    }
  }
}
