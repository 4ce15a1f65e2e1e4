package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Descriptors registered over the API are kept in the data dir: data, not configuration. One this
 * collector cannot take (stored by a collector without today's bounds, or edited by hand) is left out
 * and reported; it never stops the start, and every other product is monitored.
 */
class StoredDescriptorsTest {

  @TempDir Path dataDir;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));

  @Test
  void start_withAStoredDescriptorPastItsBounds_leavesItOut_reportsIt_andMonitorsTheRest() throws Exception {
    try (CollectorFixture fixture = new CollectorFixture(dataDir, 1 << 20, clock)) {
      for (String id : new String[] {"auth.kept", "auth.broken"}) {
        assertThat(fixture.client.post("/api/v1/products", "application/json", descriptor(id, "28d"),
            Optional.of(CollectorFixture.ADMIN)).statusCode()).isEqualTo(201);
      }
    }
    // As an older collector, which had no bound on windows, could have stored it.
    Path broken = dataDir.resolve("products").resolve("auth.broken.json");
    Files.writeString(broken, Files.readString(broken).replace("\"28d\"", "\"999999999999999h\""));

    try (CollectorFixture restarted = new CollectorFixture(dataDir, 1 << 20, clock)) {
      assertThat(restarted.client.get("/api/v1/products").statusCode()).isEqualTo(200);
      assertThat(restarted.client.get("/api/v1/products/auth.kept").statusCode()).isEqualTo(200);
      assertThat(restarted.client.get("/api/v1/products/auth.broken").statusCode()).isEqualTo(404);
      assertThat(restarted.client.sample("meshwatch_descriptor_problems", "severity=\"error\"")).hasValueSatisfying(
          errors -> assertThat(errors).isGreaterThanOrEqualTo(1.0));
      assertThat(broken).exists();
    }
  }

  private static byte[] descriptor(String id, String window) {
    return ("{\"id\": \"" + id + "\", \"owner\": \"t\", \"version\": \"1.0.0\", \"slos\": [{\"name\": \"runs\","
        + " \"sli\": \"run_success\", \"objective\": 99, \"window\": \"" + window + "\"}]}").getBytes(StandardCharsets.UTF_8);
  }
}
