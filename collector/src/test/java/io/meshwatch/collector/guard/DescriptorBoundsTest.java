package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.ParseResult;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The descriptor table is complete. The readers refuse a field without an entry (as a problem), and
 * {@code every-descriptor-field.yaml} writes every field of the table: so a reader that starts to
 * accept a field without a bound, or a table entry no reader takes, fails here.
 */
class DescriptorBoundsTest {

  private static final String EVERY_FIELD = TablePaths.resource("every-descriptor-field.yaml");

  @Test
  void everyField_isReadWithoutAProblem() {
    ParseResult result = new DescriptorParser().parse("every-descriptor-field.yaml", EVERY_FIELD);

    assertThat(result.problems()).isEmpty();
    assertThat(result.products()).hasSize(1);
  }

  @Test
  void table_namesExactlyTheFieldsOfADescriptor() {
    Set<String> written = new TablePaths(DescriptorBounds.TABLE, (pattern, node) -> null).of(EVERY_FIELD, (key, node) -> "");
    Set<String> bounded = DescriptorBounds.TABLE.names().stream().collect(Collectors.toSet());

    assertThat(written).containsExactlyInAnyOrderElementsOf(bounded);
  }

  @Test
  void aFieldTheTableDoesNotName_isAProblemNotARead() {
    ParseResult result = new DescriptorParser().parse("x.yaml", EVERY_FIELD.replace("owner: sales-team", "owner: sales-team\nownr: x"));

    assertThat(result.errors()).singleElement().hasToString("x.yaml:5: ownr: unknown field (did you mean 'owner'?)");
  }
}
