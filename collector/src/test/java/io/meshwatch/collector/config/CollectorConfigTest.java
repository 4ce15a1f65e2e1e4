package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.durable.FsyncPolicy;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {

  @TempDir Path dir;

  @Test
  void defaults_areTheDocumentedOnes() {
    CollectorConfig config = CollectorConfig.defaults();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.descriptorsDir()).isNull();
    assertThat(config.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(config.evaluation()).isEqualTo(new CollectorConfig.Evaluation(
        Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1)));
    assertThat(config.storage()).isEqualTo(new CollectorConfig.Storage(FsyncPolicy.NONE, Duration.ofMinutes(5)));
    assertThat(config.tokens()).isEqualTo(Tokens.NONE);
    assertThat(config.tokens().isEmpty()).isTrue();
  }

  @Test
  void load_fullFile() throws IOException {
    Files.createDirectories(dir.resolve("descriptors"));
    Path file = write("""
        server: { host: 0.0.0.0, port: 9090, maxBodyBytes: 512KiB }
        dataDir: ./state
        descriptors: ./descriptors
        evaluation: { interval: 30s, silenceTimeout: 5m, maxClockSkew: 1m, lateness: 2h }
        storage: { fsync: 1s, snapshotInterval: 1m }
        tokens:
          admin: [ "${MESHWATCH_ADMIN_TOKEN}", "second-admin" ]
          ingest:
            sales.orders: "s3cr3t-orders"
            sales.raw_orders: [ "raw-old", "raw-new" ]
        """);

    CollectorConfig config = CollectorConfig.load(file, Map.of("MESHWATCH_ADMIN_TOKEN", "adm1n"));

    assertThat(config).isEqualTo(new CollectorConfig("0.0.0.0", 9090, dir.resolve("state"), dir.resolve("descriptors"),
        512 * 1024, new CollectorConfig.Evaluation(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1),
            Duration.ofHours(2)), new CollectorConfig.Storage(FsyncPolicy.interval(Duration.ofSeconds(1)), Duration.ofMinutes(1)),
        new Tokens(Set.of("adm1n", "second-admin"), Map.of(
            "s3cr3t-orders", ProductId.parse("sales.orders"),
            "raw-old", ProductId.parse("sales.raw_orders"),
            "raw-new", ProductId.parse("sales.raw_orders")))));
  }

  @Test
  void load_missingFieldsKeepTheirDefaults() throws IOException {
    CollectorConfig config = CollectorConfig.load(write("server:\n  port: 0\n"), Map.of());

    assertThat(config).isEqualTo(CollectorConfig.defaults().withPort(0));
    assertThat(CollectorConfig.load(write("# all defaults\n"), Map.of())).isEqualTo(CollectorConfig.defaults());
  }

  @Test
  void load_relativePathsAreRelativeToTheFile() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(sub.resolve("meshwatch.yaml"), "dataDir: ../var/data\n");

    assertThat(CollectorConfig.load(sub.resolve("meshwatch.yaml"), Map.of()).dataDir()).isEqualTo(dir.resolve("var/data"));
  }

  @Test
  void load_substitutesEnvironmentVariablesAndNamesUnsetOnes() throws IOException {
    Path file = write("""
        server:
          host: "${HOST:-127.0.0.1}"
          port: ${PORT}
        tokens:
          admin: [ "${ADMIN_A}-${ADMIN_B}", "$${literal}" ]
          ingest: { sales.orders: "${ORDERS_TOKEN}" }
        """);

    CollectorConfig config = CollectorConfig.load(file, Map.of("PORT", "9999", "ADMIN_A", "a", "ADMIN_B", "b",
        "ORDERS_TOKEN", "o"));
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(9999);
    assertThat(config.tokens().admin()).containsExactlyInAnyOrder("a-b", "${literal}");
    assertThat(config.tokens().productOf("o")).contains(ProductId.parse("sales.orders"));

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of("PORT", "9999")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(
                file + ":5: tokens.admin[0]: environment variable ADMIN_A is not set",
                file + ":5: tokens.admin[0]: environment variable ADMIN_B is not set",
                file + ":6: tokens.ingest.sales.orders: environment variable ORDERS_TOKEN is not set"));
  }

  @Test
  void load_reportsEveryProblemAtOnce() throws IOException {
    Path file = write("""
        server: { host: "", port: 70000, maxBodyBytes: 4MB }
        dataDir: ./data
        descriptors: ./missing
        evaluation:
          interval: 0s
          silenceTimout: 2m
          maxClockSkew: soon
        tokens:
          admin: [same]
          ingest:
            sales.orders: same
            Sales: other
        logging: debug
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).extracting(DescriptorProblem::line, DescriptorProblem::field).containsExactly(
              tuple(1, "server.host"),
              tuple(1, "server.port"),
              tuple(1, "server.maxBodyBytes"),
              tuple(3, "descriptors"),
              tuple(5, "evaluation.interval"),
              tuple(6, "evaluation.silenceTimout"),
              tuple(7, "evaluation.maxClockSkew"),
              tuple(11, "tokens.ingest.sales.orders"),
              tuple(12, "tokens.ingest.Sales"),
              tuple(13, "logging"));
          assertThat(e.getMessage()).startsWith("10 configuration problems:\n  " + file + ":1: server.host: ");
          assertThat(e.problems().get(5).message()).isEqualTo("unknown field (did you mean 'silenceTimeout'?)");
          assertThat(e.problems().get(7).message())
              .isEqualTo("the same token is already used by tokens.admin[0] (line 9); every token must be unique");
        });
  }

  @Test
  void load_syntaxErrorsAndMissingFile() throws IOException {
    Path broken = write("server: {port: 8080\n");

    assertThatThrownBy(() -> CollectorConfig.load(broken, Map.of())).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("invalid YAML")));
    assertThatThrownBy(() -> CollectorConfig.load(dir.resolve("nope.yaml"), Map.of()))
        .hasMessage("1 configuration problem:\n  " + dir.resolve("nope.yaml") + ": no such file");
    assertThatThrownBy(() -> CollectorConfig.load(write("- a\n- b\n"), Map.of()))
        .hasMessageContaining(":1: must be a map of fields, got a list");
  }

  @Test
  void load_sizes() throws IOException {
    assertThat(CollectorConfig.load(write("server: {maxBodyBytes: 1048576}\n"), Map.of()).maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(CollectorConfig.load(write("server: {maxBodyBytes: 2MiB}\n"), Map.of()).maxBodyBytes()).isEqualTo(2 << 20);
    assertThat(CollectorConfig.load(write("server: {maxBodyBytes: 1GiB}\n"), Map.of()).maxBodyBytes()).isEqualTo(1L << 30);
    assertThatThrownBy(() -> CollectorConfig.load(write("server: {maxBodyBytes: 0}\n"), Map.of()))
        .hasMessageContaining("server.maxBodyBytes: must be above zero");
  }

  @Test
  void overrides_replaceOneFieldEach() {
    Tokens tokens = new Tokens(Set.of("a"), Map.of());
    CollectorConfig config = CollectorConfig.defaults().withPort(9000).withDataDir(Path.of("/var/mw"))
        .withDescriptorsDir(Path.of("/etc/mw")).withTokens(tokens);

    assertThat(config).isEqualTo(new CollectorConfig("127.0.0.1", 9000, Path.of("/var/mw"), Path.of("/etc/mw"),
        4 << 20, CollectorConfig.Evaluation.DEFAULTS, CollectorConfig.Storage.DEFAULTS, tokens));
    assertThatThrownBy(() -> config.withPort(65_536)).hasMessageContaining("between 0 and 65535");
  }

  @Test
  void load_domainTokens() throws IOException {
    Path file = write("""
        tokens:
          admin: [ adm ]
          domain:
            sales: "${SALES_TOKEN}"
            finance: [ fin-old, fin-new ]
        """);

    Tokens tokens = CollectorConfig.load(file, Map.of("SALES_TOKEN", "s")).tokens();

    assertThat(tokens).isEqualTo(new Tokens(Set.of("adm"), Map.of(),
        Map.of("s", "sales", "fin-old", "finance", "fin-new", "finance")));
    assertThat(tokens.toString()).isEqualTo("Tokens[1 admin, 0 ingest, 3 domain]");
  }

  @Test
  void load_domainTokenProblemsNameTheirPlaceNeverTheToken() throws IOException {
    Path file = write("""
        tokens:
          ingest: { sales.orders: shared-secret }
          domain:
            sales: shared-secret
            Finance: f
            ops: [ "" ]
          domian: {}
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of())).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.problems()).extracting(Object::toString).containsExactly(
          file + ":4: tokens.domain.sales: the same token is already used by tokens.ingest.sales.orders (line 2); every token must be unique",
          file + ":5: tokens.domain.Finance: a domain must match [a-z][a-z0-9_-]{0,62} (as in product ids), got 'Finance'",
          file + ":6: tokens.domain.ops[0]: must not be blank",
          file + ":7: tokens.domian: unknown field (did you mean 'domain'?)");
      assertThat(e.getMessage()).doesNotContain("shared-secret");
    });
  }

  @Test
  void withAlerting_replacesTheAlertingSettingsOnly() {
    AlertingConfig d = AlertingConfig.defaults();
    AlertingConfig quiet = new AlertingConfig(d.externalUrl(), d.pendingFor(), d.keepFiringFor(), d.route(),
        d.receivers(), d.onCall(), false, d.delivery());

    CollectorConfig config = CollectorConfig.defaults().withPort(0).withAlerting(quiet).withTokens(Tokens.NONE);

    assertThat(config.alerting()).isEqualTo(quiet);
    assertThat(config.port()).isZero();
    assertThat(CollectorConfig.defaults().alerting()).isEqualTo(AlertingConfig.defaults());
    assertThat(new CollectorConfig("h", 1, Path.of("d"), null, 1, CollectorConfig.Evaluation.DEFAULTS,
        CollectorConfig.Storage.DEFAULTS, Tokens.NONE).alerting()).isEqualTo(AlertingConfig.defaults());
  }

  @Test
  void load_alertingProblemsAreReportedWithTheRest() throws IOException {
    Path file = write("""
        server: { port: 70000 }
        alerting:
          route: { receiver: nobody }
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of())).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).extracting(DescriptorProblem::line, DescriptorProblem::field).containsExactly(
            tuple(1, "server.port"), tuple(3, "alerting.route.receiver")));
  }

  @Test
  void load_storageFsyncPolicies() throws IOException {
    assertThat(CollectorConfig.load(write("storage: {fsync: always}\n"), Map.of()).storage().fsync())
        .isEqualTo(FsyncPolicy.ALWAYS);
    assertThat(CollectorConfig.load(write("storage: {fsync: none}\n"), Map.of()).storage().fsync())
        .isEqualTo(FsyncPolicy.NONE);
    assertThatThrownBy(() -> CollectorConfig.load(write("storage: {fsync: sometimes, snapshotInterval: 0s}\n"), Map.of()))
        .hasMessageContaining("storage.fsync: must be none, always or an interval such as 1s, got 'sometimes'")
        .hasMessageContaining("storage.snapshotInterval: must be a duration above zero");
  }

  @Test
  void load_latenessAndSkewBeyondWhatIngestCanHoldAreRefused() throws IOException {
    assertThatThrownBy(() -> CollectorConfig.load(write("evaluation: {lateness: 3d}\n"), Map.of()))
        .hasMessageContaining("evaluation.lateness: must be a duration from 1ms to 4315m, got 3d")
        .hasMessageContaining("got 3d");
    assertThatThrownBy(() -> CollectorConfig.load(write("evaluation: {maxClockSkew: 2d}\n"), Map.of()))
        .hasMessageContaining("evaluation.maxClockSkew: must be a duration from 1ms to 1d, got 2d");
  }

  @Test
  void toString_neverShowsTokens() {
    CollectorConfig config = CollectorConfig.defaults().withTokens(new Tokens(Set.of("top-secret"),
        Map.of("also-secret", ProductId.parse("sales.orders"))));

    assertThat(config.toString()).doesNotContain("secret").contains("Tokens[1 admin, 1 ingest, 0 domain]");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "meshwatch", ".yaml"), yaml);
  }
}
