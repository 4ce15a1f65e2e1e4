package io.meshwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md documents the contract; this keeps it from drifting from the code. */
class ContractDocTest {

  private static final Path DOC = Path.of("..", "docs", "CONTRACT.md");

  @Test
  void contractDoc_namesEverySignalContractValue() throws IOException, IllegalAccessException {
    String doc = Files.readString(DOC);
    for (Field field : SignalContract.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String value = (String) field.get(null);
        assertThat(doc).as("docs/CONTRACT.md mentions %s = %s", field.getName(), value).contains("`" + value + "`");
      }
    }
  }

  @Test
  void contractDoc_namesEveryCollectorMetricWithItsLabels() throws IOException {
    String doc = Files.readString(DOC);
    for (CollectorMetric metric : CollectorMetric.values()) {
      String row = doc.lines()
          .filter(line -> line.startsWith("| `" + metric.prometheusName() + "`"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("docs/CONTRACT.md has no row for " + metric.prometheusName()));
      assertThat(row).contains(metric.type().name().toLowerCase(java.util.Locale.ROOT));
      metric.labels().forEach(label -> assertThat(row).as(metric.prometheusName()).contains(label));
    }
  }
}
