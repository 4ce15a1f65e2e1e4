package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshwatch.model.DataProduct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorJsonTest {

  private final DescriptorParser parser = new DescriptorParser();

  @Test
  void toMap_writesTheDescriptorSchemaWithDurationsAsText() {
    Map<String, Object> map = DescriptorJson.toMap(DescriptorParserTest.ORDERS_PRODUCT);

    assertThat(map.keySet()).containsExactlyElementsOf(ProductReader.FIELDS);
    assertThat(map).containsEntry("id", "sales.orders").containsEntry("domain", "sales")
        .containsEntry("owner", "sales-team").containsEntry("version", "1.4.0")
        .containsEntry("onCall", List.of(Map.of("slack", "#sales-oncall"), Map.of("email", "oncall-sales@example.com")))
        .containsEntry("upstream", List.of("sales.raw_orders"))
        .containsEntry("links", Map.of("runbook", "https://wiki.example.com/runbooks/orders",
            "docs", "https://docs.example.com/orders"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> slos = (List<Map<String, Object>>) map.get("slos");
    assertThat(slos.get(0).keySet()).containsExactly("name", "sli", "threshold", "objective", "window");
    assertThat(slos.get(0)).containsExactlyInAnyOrderEntriesOf(Map.of("name", "fresh-within-1h", "sli", "freshness",
        "threshold", "1h", "objective", 99.5, "window", "28d"));
    assertThat(slos.get(1)).containsEntry("threshold", Map.of("min", 1000L, "max", 50000L)).containsEntry("window", "28d");
    assertThat(slos.get(2)).doesNotContainKey("threshold").containsEntry("window", "90m");
  }

  @Test
  void toMap_roundTripsThroughJsonAndYaml() throws Exception {
    DataProduct product = DescriptorParserTest.ORDERS_PRODUCT;
    String json = new ObjectMapper().writeValueAsString(DescriptorJson.toMap(product));
    String yaml = new YAMLMapper().writeValueAsString(DescriptorJson.toMap(product));

    assertThat(parser.parse("json", json).products()).containsExactly(product);
    assertThat(parser.parse("yaml", yaml).products()).containsExactly(product);
  }

  @Test
  void toMap_roundTripsTheExamples() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (DataProduct product : parser.parseDirectory(DescriptorParserDirectoryTest.EXAMPLES).products()) {
      ParseResult again = parser.parse("json", mapper.writeValueAsString(DescriptorJson.toMap(product)));
      assertThat(again.problems()).isEmpty();
      assertThat(again.products()).containsExactly(product);
    }
  }
}
