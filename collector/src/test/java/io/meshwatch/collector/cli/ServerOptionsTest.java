package io.meshwatch.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerOptionsTest {

  @TempDir Path dir;

  @Test
  void resolve_withoutFlagsGivesTheDefaults() {
    assertThat(parse().resolve(Map.of())).isEqualTo(CollectorConfig.defaults());
  }

  @Test
  void resolve_flagsOverrideTheFileAndTheFileOverridesDefaults() throws IOException {
    Path descriptors = Files.createDirectories(dir.resolve("descriptors"));
    Path file = Files.writeString(dir.resolve("meshwatch.yaml"),
        "server: {port: 9000, host: 0.0.0.0}\ndataDir: from-file\nevaluation: {interval: 1m}\n");

    CollectorConfig fileOnly = parse("--config", file.toString()).resolve(Map.of());
    CollectorConfig withFlags = parse("--config", file.toString(), "--port", "0", "--data-dir", "/tmp/mw",
        "--descriptors", descriptors.toString()).resolve(Map.of());

    assertThat(fileOnly.port()).isEqualTo(9000);
    assertThat(fileOnly.dataDir()).isEqualTo(dir.resolve("from-file"));
    assertThat(withFlags).isEqualTo(fileOnly.withPort(0).withDataDir(Path.of("/tmp/mw")).withDescriptorsDir(descriptors));
    assertThat(withFlags.host()).isEqualTo("0.0.0.0");
  }

  @Test
  void resolve_reportsProblemsOfFileAndFlagsTogether() throws IOException {
    Path file = Files.writeString(dir.resolve("meshwatch.yaml"), "server:\n  port: ${PORT}\n");

    assertThatThrownBy(() -> parse("--config", file.toString(), "--port", "70000", "--descriptors",
        dir.resolve("missing").toString()).resolve(Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(
                file + ":2: server.port: environment variable PORT is not set",
                "--port: must be between 0 and 65535, got 70000",
                "--descriptors: no such directory: " + dir.resolve("missing")));
  }

  @Test
  void resolve_substitutesFromTheGivenEnvironment() throws IOException {
    Path file = Files.writeString(dir.resolve("meshwatch.yaml"), "tokens: {admin: [\"${ADMIN}\"]}\n");

    assertThat(parse("--config", file.toString()).resolve(Map.of("ADMIN", "s3cret")).tokens().isAdmin("s3cret")).isTrue();
  }

  private static ServerOptions parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve.server;
  }
}
