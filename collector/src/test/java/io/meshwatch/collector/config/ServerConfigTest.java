package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir Path dir;

  @Test
  void defaults_areBoundedAndServeOnSeveralEventLoops() {
    ServerConfig defaults = CollectorConfig.defaults().server();

    assertThat(defaults).isEqualTo(ServerConfig.DEFAULTS);
    assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.bodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.maxConnections()).isEqualTo(512);
    assertThat(defaults.maxConcurrentWrites()).isEqualTo(64);
    assertThat(defaults.eventLoops()).isGreaterThanOrEqualTo(2);
    assertThat(defaults.retryAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void load_readsEveryServerSetting() throws IOException {
    CollectorConfig config = CollectorConfig.load(write("""
        server:
          port: 9090
          idleTimeout: 2m
          headerTimeout: 5s
          bodyTimeout: 1m
          maxConnections: 100
          maxConcurrentWrites: 8
          eventLoops: 3
          retryAfter: 10s
        """), Map.of());

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.server()).isEqualTo(new ServerConfig(Duration.ofMinutes(2), Duration.ofSeconds(5),
        Duration.ofMinutes(1), 100, 8, 3, Duration.ofSeconds(10)));
  }

  @Test
  void load_valuesOutOfBounds_areEachNamedWithTheirBound() throws IOException {
    Path file = write("""
        server:
          idleTimeout: 2h
          headerTimeout: 10ms
          bodyTimeout: forever
          maxConnections: 0
          maxConcurrentWrites: 99999999999
          eventLoops: 65
          retryAfter: 500ms
        """);

    assertThatThrownBy(() -> CollectorConfig.load(file, Map.of())).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.problems()).extracting(DescriptorProblem::line, DescriptorProblem::field).containsExactly(
          tuple(2, "server.idleTimeout"), tuple(3, "server.headerTimeout"), tuple(4, "server.bodyTimeout"),
          tuple(5, "server.maxConnections"), tuple(6, "server.maxConcurrentWrites"), tuple(7, "server.eventLoops"),
          tuple(8, "server.retryAfter"));
      assertThat(e.getMessage())
          .contains("server.idleTimeout must be between 100ms and 1h, got 2h")
          .contains("server.headerTimeout must be between 100ms and 1h, got 10ms")
          .contains("server.maxConnections must be between 1 and 1000000, got 0")
          .contains("must be a whole number between 1 and 1000000, got '99999999999'")
          .contains("server.eventLoops must be between 1 and 64, got 65")
          .contains("server.retryAfter must be between 1s and 1h, got 500ms");
    });
  }

  @Test
  void constructor_refusesWhatTheFileWould() {
    assertThatThrownBy(() -> ServerConfig.DEFAULTS.withMaxConnections(0)).hasMessageContaining("server.maxConnections");
    assertThatThrownBy(() -> ServerConfig.DEFAULTS.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("server.idleTimeout must be between 100ms and 1h, got 0s");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("meshwatch.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
