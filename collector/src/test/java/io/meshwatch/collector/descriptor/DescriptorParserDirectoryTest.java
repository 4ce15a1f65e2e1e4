package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.model.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DescriptorParser} over directories and several files: the checks that span files. */
class DescriptorParserDirectoryTest {

  static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples", "descriptors");

  @TempDir Path dir;
  private final DescriptorParser parser = new DescriptorParser();

  @Test
  void parseDirectory_readsYamlYmlAndJsonInSortedOrderSkippingOthersAndHidden() throws IOException {
    write("b.yml", product("sales.b"));
    write("a.yaml", product("sales.a"));
    write("sub/c.json", "{\"id\": \"sales.c\", \"owner\": \"x\", \"version\": \"1.0.0\"}");
    write("notes.txt", "not a descriptor");
    write(".hidden/d.yaml", product("sales.d"));

    ParseResult result = parser.parseDirectory(dir);

    assertThat(result.problems()).isEmpty();
    assertThat(result.products()).extracting(p -> p.id().toString()).containsExactly("sales.a", "sales.b", "sales.c");
  }

  @Test
  void parseDirectory_duplicateIdAcrossFilesIsAnErrorNamingBothPlaces() throws IOException {
    write("a.yaml", product("sales.orders"));
    write("b.yaml", "# the same product, again\n" + product("sales.orders"));

    ParseResult result = parser.parseDirectory(dir);

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.products()).hasSize(1);
    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        dir.resolve("b.yaml") + ":2: id: product sales.orders is already declared at " + dir.resolve("a.yaml") + ":1");
  }

  @Test
  void parseDirectory_unknownUpstreamIsAWarningOnItsLine() throws IOException {
    write("a.yaml", product("sales.raw"));
    write("b.yaml", product("sales.orders") + "upstream:\n  - sales.raw\n  - sales.gone\n");

    ParseResult result = parser.parseDirectory(dir);

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.products()).hasSize(2);
    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        "warning: " + dir.resolve("b.yaml") + ":6: upstream: sales.gone is not declared by any of the descriptors read");
  }

  @Test
  void parseDirectory_problemsOfEveryFileAreReported() throws IOException {
    write("a.yaml", "id: sales.a\nowner: x\n");
    write("b.yaml", "id: sales.b\nversion: 1.0.0\n");

    assertThat(parser.parseDirectory(dir).problems()).extracting(DescriptorProblem::source, DescriptorProblem::field)
        .containsExactly(
            tuple(dir.resolve("a.yaml").toString(), "version"),
            tuple(dir.resolve("b.yaml").toString(), "owner"));
  }

  @Test
  void parseAll_missingPathAndEmptyDirectory() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    ParseResult result = parser.parseAll(List.of(dir.resolve("nope.yaml"), empty));

    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        dir.resolve("nope.yaml") + ": no such file or directory",
        "warning: " + empty + ": no *.yaml, *.yml or *.json files in this directory");
  }

  @Test
  void parse_fileThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(parser.parse(file).problems()).extracting(Object::toString)
        .containsExactly(file + ": is not UTF-8 text");
  }

  @Test
  void parseDirectory_examplesValidateCleanly() {
    ParseResult result = parser.parseDirectory(EXAMPLES);

    assertThat(result.problems()).isEmpty();
    assertThat(result.products()).extracting(p -> p.id().toString())
        .containsExactlyInAnyOrder("sales.raw_orders", "sales.orders", "marketing.attribution");
    assertThat(result.products()).extracting(p -> p.domain()).containsOnly("sales", "marketing");
  }

  @Test
  void parseAll_openSloDocumentsAddTheirSlosToTheProductsTheyName() {
    Path openslo = EXAMPLES.resolveSibling("openslo");

    ParseResult result = parser.parseAll(List.of(EXAMPLES, openslo));

    assertThat(result.problems()).isEmpty();
    assertThat(result.products()).filteredOn(p -> p.id().toString().equals("sales.orders")).singleElement()
        .satisfies(orders -> assertThat(orders.slos()).extracting(SloSpec::name)
            .containsExactly("fresh-within-1h", "checks-pass", "volume-in-band", "checks-pass-monthly"));
  }

  @Test
  void parseDirectory_openSloForAMissingProductIsAnErrorAndAddsNothing() throws IOException {
    write("a.yaml", product("sales.orders") + "---\n" + openSloQuality("sales.order", "checks-ok"));
    write("b.yaml", openSloQuality("sales.orders", "checks-fine"));

    ParseResult result = parser.parseDirectory(dir);

    assertThat(result.errors()).extracting(Object::toString).singleElement().asString()
        .startsWith(dir.resolve("a.yaml") + ":10: spec.service: service 'sales.order' is not a known meshwatch product")
        .endsWith("known ids closest to it: sales.orders");
    assertThat(result.products()).singleElement().satisfies(p -> assertThat(p.slos()).isEmpty());
  }

  @Test
  void parseDirectory_openSloNameTakenByTheDescriptorIsAnError() throws IOException {
    write("a.yaml", product("sales.orders") + "slos:\n  - {name: checks-ok, sli: quality, objective: 99, window: 28d}\n");
    write("b.yaml", openSloQuality("sales.orders", "checks-ok"));

    assertThat(parser.parseDirectory(dir).errors()).extracting(Object::toString).containsExactly(dir.resolve("b.yaml")
        + ":4: metadata.name: SLO 'checks-ok' of product sales.orders is already declared by the product's descriptor");
  }

  private static String openSloQuality(String product, String name) {
    return """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: %s
        spec:
          service: %s
          indicator:
            metadata: {name: checks}
            spec:
              ratioMetric:
                good: {metricSource: {type: meshwatch, spec: {sli: quality}}}
                total: {metricSource: {type: meshwatch, spec: {sli: quality}}}
          timeWindow: [{duration: 28d, isRolling: true}]
          budgetingMethod: Occurrences
          objectives: [{target: 0.99}]
        """.formatted(name, product);
  }

  private static String product(String id) {
    return "id: " + id + "\nowner: team\nversion: 1.0.0\n";
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
