package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.YamlMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the {@code limits} section: {@code seriesPerProduct}, {@code seriesPerToken}, {@code seriesTotal}, {@code labelValuesPerProduct}. */
final class LimitsConfigReader {

  static final List<String> FIELDS = List.of("seriesPerProduct", "seriesPerToken", "seriesTotal", "labelValuesPerProduct");

  private LimitsConfigReader() {}

  /** The section on top of {@link LimitsConfig#DEFAULTS}; {@code null} when absent or when a field is wrong (reported). */
  static @Nullable LimitsConfig read(@Nullable YamlMap section) {
    if (section == null) {
      return null;
    }
    section.allowOnly(FIELDS);
    LimitsConfig defaults = LimitsConfig.DEFAULTS;
    Integer perProduct = section.value("seriesPerProduct", false, "a whole number", LimitsConfigReader::count);
    Integer perToken = section.value("seriesPerToken", false, "a whole number", LimitsConfigReader::count);
    Integer total = section.value("seriesTotal", false, "a whole number", LimitsConfigReader::count);
    Integer labels = section.value("labelValuesPerProduct", false, "a whole number", LimitsConfigReader::count);
    int seriesTotal = ConfigReader.or(total, defaults.seriesTotal());
    try {
      // Budgets left out follow a smaller total down, so that setting only seriesTotal is never an error.
      return new LimitsConfig(ConfigReader.or(perProduct, Math.min(defaults.seriesPerProduct(), seriesTotal)),
          ConfigReader.or(perToken, Math.min(defaults.seriesPerToken(), seriesTotal)), seriesTotal,
          ConfigReader.or(labels, defaults.labelValuesPerProduct()));
    } catch (IllegalArgumentException e) {
      section.problems().error(section.line(), section.path(), e.getMessage());
      return null;
    }
  }

  private static int count(String text) {
    try {
      long value = Long.parseLong(text.strip().replace("_", ""));
      if (value >= 1 && value <= LimitsConfig.MAX) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be a whole number from 1 to " + LimitsConfig.MAX + ", got '" + text + "'");
  }
}
