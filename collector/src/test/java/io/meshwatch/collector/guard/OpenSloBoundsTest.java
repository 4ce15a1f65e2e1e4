package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.openslo.OpenSloReader;
import io.meshwatch.collector.openslo.OpenSloResult;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The OpenSLO table is complete: {@code every-openslo-field.yaml} (every kind, named and inlined, every
 * field meshwatch reads) reads without errors, and writes exactly the fields of the table, each named
 * under the kind of the object holding it; fields only ever refused are left out of it.
 */
class OpenSloBoundsTest {

  private static final String EVERY_FIELD = TablePaths.resource("every-openslo-field.yaml");
  private static final DataProduct ORDERS = new DataProduct(ProductId.parse("sales.orders"), "sales-team", List.of(), "",
      List.of(), "1.0.0", List.of(), Links.NONE, List.of());

  @Test
  void everyField_isReadWithoutAnError() {
    OpenSloResult result = OpenSloReader.read("every-openslo-field.yaml", EVERY_FIELD, List.of(ORDERS));

    assertThat(result.problems()).filteredOn(p -> p.isError()).isEmpty();
  }

  @Test
  void table_namesExactlyTheFieldsOfEveryKind() {
    Set<String> written = new TablePaths(OpenSloBounds.TABLE, OpenSloBoundsTest::inlined)
        .of(EVERY_FIELD, (key, document) -> key.equals("metadata") || key.equals("spec") ? kind(document) + "." : "");
    Set<String> bounded = OpenSloBounds.TABLE.fields().stream()
        .filter(f -> !(f.bound() instanceof Bound.Refused))
        .map(Field::name)
        .collect(Collectors.toSet());

    assertThat(written).containsExactlyInAnyOrderElementsOf(bounded);
  }

  @Test
  void openSloDoc_listsEveryBound() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "OPENSLO.md");

    assertThat(Files.readString(doc)).contains(OpenSloBounds.TABLE.markdown());
  }

  /** The kind an object inlined at {@code pattern} is read as, or null where none is inlined. */
  private static @Nullable String inlined(String pattern, Node node) {
    return switch (pattern) {
      case "SLO.spec.indicator" -> "SLI";
      case "SLO.spec.alertPolicies[]" -> has(node, "alertPolicyRef") ? null : "AlertPolicy";
      case "AlertPolicy.spec.conditions[]" -> has(node, "conditionRef") ? null : "AlertCondition";
      default -> null;
    };
  }

  private static boolean has(Node node, String key) {
    return ((MappingNode) node).getValue().stream().anyMatch(t -> ((ScalarNode) t.getKeyNode()).getValue().equals(key));
  }

  private static String kind(Node document) {
    return ((MappingNode) document).getValue().stream()
        .filter(t -> ((ScalarNode) t.getKeyNode()).getValue().equals("kind"))
        .map(t -> ((ScalarNode) t.getValueNode()).getValue())
        .findFirst().orElseThrow();
  }
}
