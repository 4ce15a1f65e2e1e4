package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorParserTest {

  static final String ORDERS = """
      id: sales.orders
      domain: sales
      owner: sales-team
      onCall:
        - slack: "#sales-oncall"
        - email: oncall-sales@example.com
      description: All orders, hourly
      tags: [pii, tier-1]
      version: 1.4.0
      upstream: [sales.raw_orders]
      links: { runbook: https://wiki.example.com/runbooks/orders, docs: https://docs.example.com/orders }
      slos:
        - name: fresh-within-1h
          sli: freshness
          threshold: 1h
          objective: 99.5
          window: 28d
        - name: volume-in-band
          sli: volume
          threshold: {min: 1000, max: 50000}
          objective: 95
          window: 4w
        - name: checks-pass
          sli: quality
          objective: 99
          window: 90m
      """;

  static final DataProduct ORDERS_PRODUCT = new DataProduct(
      ProductId.parse("sales.orders"),
      "sales-team",
      List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall"), new Contact(Contact.Kind.EMAIL, "oncall-sales@example.com")),
      "All orders, hourly",
      List.of("pii", "tier-1"),
      "1.4.0",
      List.of(ProductId.parse("sales.raw_orders")),
      new Links(URI.create("https://wiki.example.com/runbooks/orders"), URI.create("https://docs.example.com/orders")),
      List.of(
          new SloSpec("fresh-within-1h", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28)),
          new SloSpec("volume-in-band", SliKind.VOLUME, new Threshold.RowBand(1000, 50000), 95, Duration.ofDays(28)),
          new SloSpec("checks-pass", SliKind.QUALITY, null, 99, Duration.ofMinutes(90))));

  private final DescriptorParser parser = new DescriptorParser();

  @Test
  void parse_fullDescriptorGivesExactProduct() {
    ParseResult result = parser.parse("orders.yaml", ORDERS);

    assertThat(result.problems()).isEmpty();
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.products()).containsExactly(ORDERS_PRODUCT);
  }

  @Test
  void parse_minimalDescriptorDefaultsOptionalFields() {
    ParseResult result = parser.parse("m.yaml", "id: sales.orders\nowner: sales-team\nversion: 1.0.0\n");

    assertThat(result.problems()).isEmpty();
    DataProduct product = result.products().get(0);
    assertThat(product.onCall()).isEmpty();
    assertThat(product.description()).isEmpty();
    assertThat(product.links()).isEqualTo(Links.NONE);
    assertThat(product.slos()).isEmpty();
  }

  @Test
  void parse_unknownFieldSuggestsTheClosestKnownName() {
    String yaml = ORDERS.replace("    objective: 99.5", "    objetive: 99.5").replace("owner:", "ownr:");

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:1: owner: is required",
        "orders.yaml:3: ownr: unknown field (did you mean 'owner'?)",
        "orders.yaml:13: slos[0].objective: is required",
        "orders.yaml:16: slos[0].objetive: unknown field (did you mean 'objective'?)");
  }

  @Test
  void parse_unknownFieldFarFromAnyNameListsTheKnownOnes() {
    assertThat(problems("id: sales.orders\nowner: x\nversion: 1.0.0\ncolour: blue\n")).containsExactly(
        "orders.yaml:4: colour: unknown field; known fields: "
            + "id, domain, owner, onCall, description, tags, version, upstream, links, slos");
  }

  @Test
  void parse_objectiveOutOfRangeNamesLineFieldAndValue() {
    String yaml = ORDERS.replace("objective: 99.5", "objective: 120");

    ParseResult result = parser.parse("orders.yaml", yaml);

    assertThat(result.products()).isEmpty();
    assertThat(result.problems()).singleElement().hasToString(
        "orders.yaml:16: slos[0].objective: must be a number above 0 and below 100, got 120");
    DescriptorProblem problem = result.problems().get(0);
    assertThat(problem.line()).isEqualTo(16);
    assertThat(problem.field()).isEqualTo("slos[0].objective");
    assertThat(problem.severity()).isEqualTo(DescriptorProblem.Severity.ERROR);
  }

  @Test
  void parse_wrongTypesAreNamed() {
    String yaml = """
        id: sales.orders
        owner: {team: sales}
        version: 1.0.0
        tags: pii
        slos: {name: x}
        """;

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:2: owner: must be text, got a map",
        "orders.yaml:4: tags: must be a list, e.g. [a, b], got 'pii'",
        "orders.yaml:5: slos: must be a list, e.g. [a, b], got a map");
  }

  @Test
  void parse_missingRequiredFieldsAreEachReported() {
    assertThat(problems("description: nothing else\n")).containsExactly(
        "orders.yaml:1: id: is required",
        "orders.yaml:1: owner: is required",
        "orders.yaml:1: version: is required");
    assertThat(problems("id: sales.orders\nowner:\nversion: 1.0.0\n"))
        .containsExactly("orders.yaml:2: owner: is required but empty");
  }

  @Test
  void parse_badDurationsAndVersion() {
    String yaml = ORDERS.replace("window: 28d", "window: 28 days").replace("threshold: 1h", "threshold: 1hour")
        .replace("window: 90m", "window: 1m").replace("version: 1.4.0", "version: 1.4");

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:9: version: must be a semantic version such as 1.4.0, got '1.4'",
        "orders.yaml:15: slos[0].threshold: must be a duration such as 90s, 5m, 1h, 28d or 4w, got '1hour'",
        "orders.yaml:17: slos[0].window: must be a rolling duration such as 28d or a calendar period week, month or quarter, got '28 days'",
        "orders.yaml:26: slos[2].window: must be a duration from 5m to 366d, got 1m");
  }

  @Test
  void parse_badIdsAndUpstream() {
    String yaml = """
        id: Sales.Orders
        owner: sales-team
        version: 1.0.0
        upstream: [sales.orders, orders, sales.raw, sales.raw]
        """;

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:1: id: product id domain must match [a-z][a-z0-9_-]{0,62}, got 'Sales'",
        "orders.yaml:4: upstream[1]: product id must be 'domain.name' (one dot), got 'orders'",
        "warning: orders.yaml:4: upstream[3]: sales.raw is listed twice");
  }

  @Test
  void parse_productCannotBeItsOwnUpstreamNorDisagreeOnDomain() {
    String yaml = "id: sales.orders\ndomain: marketing\nowner: x\nversion: 1.0.0\nupstream:\n  - sales.orders\n";

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:2: domain: 'marketing' does not match the id's domain 'sales'",
        "orders.yaml:6: upstream[0]: a product cannot be its own upstream");
  }

  @Test
  void parse_duplicateSloNamesAndDuplicateKeys() {
    String yaml = ORDERS.replace("name: checks-pass", "name: fresh-within-1h").replace("owner: sales-team",
        "owner: sales-team\nowner: other-team");

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:4: owner: is set twice (first on line 3)",
        "orders.yaml:24: slos[2].name: SLO 'fresh-within-1h' is already declared on line 14");
  }

  @Test
  void parse_thresholdMustFitTheSli() {
    String yaml = """
        id: sales.orders
        owner: sales-team
        version: 1.0.0
        slos:
          - {name: a, sli: freshness, objective: 99, window: 28d}
          - {name: b, sli: quality, threshold: 1h, objective: 99, window: 28d}
          - {name: c, sli: volume, threshold: {min: 10, max: 5}, objective: 99, window: 28d}
          - {name: d, sli: volume, threshold: 1000, objective: 99, window: 28d}
          - {name: e, sli: freshnes, objective: 99, window: 28d}
          - {name: F, sli: availability, objective: 99, window: 28d}
        """;

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:6: slos[1].threshold: an SLO of sli quality takes no threshold",
        "orders.yaml:7: slos[2].threshold.max: must not be below min (10), got 5",
        "orders.yaml:8: slos[3].threshold: must be a map of fields, got '1000'",
        "orders.yaml:9: slos[4].sli: must be one of freshness, quality, volume, availability, run_success, "
            + "got 'freshnes' (did you mean 'freshness'?)",
        "orders.yaml:10: slos[5].name: must be lower-case letters, digits, '-' or '_', starting with a letter, got 'F'");
  }

  @Test
  void parse_onCallEntries() {
    String yaml = """
        id: sales.orders
        owner: sales-team
        version: 1.0.0
        onCall:
          - slak: "#sales"
          - {slack: "#a", email: a@example.com}
          - email: not-an-address
          - webhook: ftp://example.com/x
          - pagerduty: PXYZ
        """;

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:5: onCall[0].slak: unknown field (did you mean 'slack'?)",
        "orders.yaml:6: onCall[1]: each on-call entry has exactly one of slack, email, pagerduty, webhook, got 2",
        "orders.yaml:7: onCall[2].email: must be an e-mail address, got 'not-an-address'",
        "orders.yaml:8: onCall[3].webhook: must be an http or https URL, got 'ftp://example.com/x'");
  }

  @Test
  void parse_badLink() {
    String yaml = "id: sales.orders\nowner: x\nversion: 1.0.0\nlinks:\n  runbok: https://x\n  docs: wiki/orders\n";

    assertThat(problems(yaml)).containsExactly(
        "orders.yaml:5: links.runbok: unknown field (did you mean 'runbook'?)",
        "orders.yaml:6: links.docs: must be an absolute URL such as https://wiki.example.com/page, got 'wiki/orders'");
  }

  @Test
  void parse_reportsEveryProblemOfAFileAtOnce() {
    String yaml = ORDERS.replace("version: 1.4.0", "version: latest")
        .replace("objective: 95", "objective: 100")
        .replace("window: 90m", "window: 90");

    ParseResult result = parser.parse("orders.yaml", yaml);

    assertThat(result.problems()).hasSize(3);
    assertThat(result.problems()).extracting(DescriptorProblem::line, DescriptorProblem::field).containsExactly(
        tuple(9, "version"),
        tuple(21, "slos[1].objective"),
        tuple(26, "slos[2].window"));
    assertThat(result.products()).isEmpty();
  }

  @Test
  void parse_documentThatIsNotAMap() {
    assertThat(problems("- id: sales.orders\n")).containsExactly(
        "orders.yaml:1: a descriptor document must be a map of fields (id, owner, version, ...), got a list");
    assertThat(problems("just text\n")).containsExactly(
        "orders.yaml:1: a descriptor document must be a map of fields (id, owner, version, ...), got 'just text'");
  }

  @Test
  void parse_yamlSyntaxErrorNamesItsLine() {
    ParseResult result = parser.parse("orders.yaml", "id: sales.orders\nowner: sales-team\ntags: [pii\nversion: 1.0.0\n");

    assertThat(result.products()).isEmpty();
    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(4);
      assertThat(problem.message()).startsWith("invalid YAML: ");
      assertThat(problem.isError()).isTrue();
    });
  }

  @Test
  void parse_emptyInputIsAWarning() {
    ParseResult result = parser.parse("empty.yaml", "# nothing yet\n");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.problems()).extracting(Object::toString).containsExactly("warning: empty.yaml: holds no data product");
  }

  @Test
  void parse_multiDocumentFileGivesEveryProductAndTheProblemsOfEachDocument() {
    String yaml = """
        id: sales.raw_orders
        owner: sales-platform
        version: 2.0.0
        ---
        id: sales.orders
        owner: sales-team
        version: 1.0.0
        upstream: [sales.raw_orders]
        ---
        id: sales.refunds
        version: 1.0.0
        ---
        id: sales.orders
        owner: someone-else
        version: 1.0.0
        """;

    ParseResult result = parser.parse("sales.yaml", yaml);

    assertThat(result.products()).extracting(p -> p.id().toString()).containsExactly("sales.raw_orders", "sales.orders");
    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        "sales.yaml:10: owner: is required",
        "sales.yaml:13: id: product sales.orders is already declared at sales.yaml:5");
  }

  @Test
  void parse_jsonFormGivesTheSameProduct() {
    String json = """
        {
        \t"id": "sales.orders", "domain": "sales", "owner": "sales-team",
        \t"onCall": [{"slack": "#sales-oncall"}, {"email": "oncall-sales@example.com"}],
        \t"description": "All orders, hourly", "tags": ["pii", "tier-1"], "version": "1.4.0",
        \t"upstream": ["sales.raw_orders"],
        \t"links": {"runbook": "https://wiki.example.com/runbooks/orders", "docs": "https://docs.example.com/orders"},
        \t"slos": [
        \t\t{"name": "fresh-within-1h", "sli": "freshness", "threshold": "1h", "objective": 99.5, "window": "28d"},
        \t\t{"name": "volume-in-band", "sli": "volume", "threshold": {"min": 1000, "max": 50000}, "objective": 95, "window": "4w"},
        \t\t{"name": "checks-pass", "sli": "quality", "objective": 99, "window": "90m"}
        \t]
        }
        """;

    ParseResult result = parser.parse("request", json);

    assertThat(result.problems()).isEmpty();
    assertThat(result.products()).containsExactly(ORDERS_PRODUCT);
  }

  @Test
  void parse_jsonProblemsNameTheirLine() {
    String json = "{\n  \"id\": \"sales.orders\",\n  \"owner\": \"x\",\n  \"version\": \"1.0.0\",\n  \"slos\": [{\"name\": \"a\", "
        + "\"sli\": \"quality\", \"objective\": \"high\", \"window\": \"28d\"}]\n}";

    assertThat(parser.parse("request", json).problems()).extracting(Object::toString).containsExactly(
        "request:5: slos[0].objective: must be a percentage such as 99.5, got 'high'");
  }

  @Test
  void problem_toStringLeavesOutMissingLineAndField() {
    assertThat(DescriptorProblem.error("a.yaml", 0, "", "cannot read file")).hasToString("a.yaml: cannot read file");
    assertThat(DescriptorProblem.warning("a.yaml", 3, "upstream", "x")).hasToString("warning: a.yaml:3: upstream: x");
  }

  private List<String> problems(String yaml) {
    return parser.parse("orders.yaml", yaml).problems().stream().map(Object::toString).toList();
  }
}
