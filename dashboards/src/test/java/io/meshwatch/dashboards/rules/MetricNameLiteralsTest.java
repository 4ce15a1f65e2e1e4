package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the rule that metric names come only from {@code CollectorMetric}: no literal in our sources. */
class MetricNameLiteralsTest {
  private static final Path MAIN = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
  private static final Pattern LITERAL_METRIC = Pattern.compile("\"[^\"]*meshwatch_[a-z]");

  @Test
  void mainSources_spellNoMetricName() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> LITERAL_METRIC.matcher(read(p)).find())
          .map(p -> MAIN.relativize(p).toString())
          .toList();
    }

    assertThat(Files.isDirectory(MAIN)).isTrue();
    assertThat(offenders).as("sources spelling a metric name; use CollectorMetric#prometheusName()").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
