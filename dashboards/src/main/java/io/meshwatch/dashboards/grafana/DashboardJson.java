package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link Dashboard} as Grafana dashboard JSON: pretty-printed, fields in the model's order,
 * absent optional fields left out, so that the same dashboard always gives the same bytes.
 */
public final class DashboardJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private DashboardJson() {}

  /** The dashboard's JSON, ending in a newline. */
  public static String write(Dashboard dashboard) {
    try {
      return MAPPER.writeValueAsString(dashboard) + "\n";
    } catch (JsonProcessingException e) {
      // Records of strings, numbers and lists always serialise; failing here is a bug.
      throw new IllegalStateException("cannot write dashboard " + dashboard.uid() + " as JSON", e);
    }
  }
}
