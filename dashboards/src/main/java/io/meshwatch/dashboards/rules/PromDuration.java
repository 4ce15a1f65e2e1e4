package io.meshwatch.dashboards.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;

/** Durations as Prometheus writes them: {@code 30s}, {@code 5m}, {@code 1d12h}, {@code 1m30s}. */
final class PromDuration extends StdSerializer<Duration> {
  private static final long[] UNIT_MILLIS = {86_400_000, 3_600_000, 60_000, 1_000, 1};
  private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

  PromDuration() {
    super(Duration.class);
  }

  static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("Prometheus durations are whole milliseconds >= 0, got " + duration);
    }
    if (duration.isZero()) {
      return "0s";
    }
    long millis = duration.toMillis();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      if (millis >= UNIT_MILLIS[i]) {
        out.append(millis / UNIT_MILLIS[i]).append(UNIT_NAMES[i]);
        millis %= UNIT_MILLIS[i];
      }
    }
    return out.toString();
  }

  @Override
  public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeString(format(value));
  }

  // A zero for/keep_firing_for is Prometheus' default: leave it out.
  @Override
  public boolean isEmpty(SerializerProvider provider, Duration value) {
    return value.isZero();
  }
}
