package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/slos} and {@code GET /api/v1/products/{id}/slos/{name}} over a real collector. */
class SlosApiTest {

  private CollectorFixture fixture;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    fixture = new CollectorFixture(dataDir, 1 << 20, InstantSource.system());
    String events = """
        [{"type":"quality","check":"ids","passed":true,"rowsChecked":10,"rowsFailed":0},
         {"type":"quality","check":"ids","passed":false,"rowsChecked":10,"rowsFailed":5},
         {"type":"volume","rows":100}]
        """;
    HttpResponse<String> posted = fixture.client.post("/api/v1/products/auth.a/events", "application/json",
        events.getBytes(StandardCharsets.UTF_8), Optional.of(TOKEN_A));
    assertThat(posted.statusCode()).isEqualTo(202);
    fixture.collector.evaluateNow();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void list_showsEverySloOfEveryProduct() {
    assertThat(names(fixture.client.json("/api/v1/slos")))
        .containsExactly("auth.a/checks:breaching", "auth.a/volume:healthy", "auth.b/checks:no_data", "auth.b/volume:no_data");
  }

  @Test
  void list_filtersByStatusProductAndDomain() {
    assertThat(names(fixture.client.json("/api/v1/slos?status=breaching"))).containsExactly("auth.a/checks:breaching");
    assertThat(names(fixture.client.json("/api/v1/slos?product=auth.b")))
        .containsExactly("auth.b/checks:no_data", "auth.b/volume:no_data");
    assertThat(names(fixture.client.json("/api/v1/slos?domain=auth&status=healthy"))).containsExactly("auth.a/volume:healthy");
    assertThat(names(fixture.client.json("/api/v1/slos?domain=sales"))).isEmpty();
  }

  @Test
  void list_unknownStatus_is400NamingTheAllowedOnes() {
    HttpResponse<String> response = fixture.client.get("/api/v1/slos?status=red");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("healthy", "breaching", "no_data", "'red'");
  }

  @Test
  void get_returnsOneSloWithItsNumbers() {
    JsonNode slo = fixture.client.json("/api/v1/products/auth.a/slos/checks");

    assertThat(slo.path("state").asText()).isEqualTo("breaching");
    assertThat(slo.path("compliance").asDouble()).isEqualTo(0.5);
    assertThat(slo.path("agent").asText()).isEqualTo("reporting");
    assertThat(slo.path("burnRates").path("5m").asDouble()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void get_showsBudgetAlertsAndAChartHistory() {
    JsonNode slo = fixture.client.json("/api/v1/products/auth.a/slos/checks?step=1h");

    assertThat(slo.path("events").path("good").asLong()).isEqualTo(1);
    assertThat(slo.path("events").path("total").asLong()).isEqualTo(2);
    assertThat(slo.path("errorBudgetConsumed").asDouble()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(slo.path("alerts")).extracting(a -> a.path("condition").asText())
        .containsExactly("page-1h-5m", "page-6h-30m", "ticket-1d-2h", "ticket-3d-6h");
    assertThat(slo.path("alerts").get(0).path("threshold").asDouble()).isCloseTo(13.44, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(slo.path("forecast").path("exhaustedInSecondsAtCurrentBurn").asDouble()).isZero();
    JsonNode history = slo.path("history");
    assertThat(history.path("step").asText()).isEqualTo("1h");
    // 28 days of hourly points, the last holding the two checks.
    assertThat(history.path("points").size()).isBetween(672, 673);
    JsonNode last = history.path("points").get(history.path("points").size() - 1);
    assertThat(last.path("sli").asDouble()).isEqualTo(0.5);
    assertThat(last.path("budgetRemaining").asDouble()).isCloseTo(-49.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void get_stepPastItsBound_is400NamingStepValueAndBound() {
    HttpResponse<String> huge = fixture.client.get("/api/v1/products/auth.a/slos/checks?step=999999999999999h");

    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("step: must be a duration from 1m to 366d, got 999999999999999h");
    assertThat(fixture.client.get("/api/v1/products/auth.a/slos/checks?step=366d").statusCode()).isEqualTo(200);
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"invalid_value\"")).contains(1.0);
  }

  @Test
  void get_badOrTooFineStep_is400() {
    HttpResponse<String> unparsable = fixture.client.get("/api/v1/products/auth.a/slos/checks?step=hourly");
    HttpResponse<String> tooFine = fixture.client.get("/api/v1/products/auth.a/slos/checks?step=1m");

    assertThat(unparsable.statusCode()).isEqualTo(400);
    assertThat(unparsable.body()).contains("step: must be a duration", "'hourly'");
    assertThat(tooFine.statusCode()).isEqualTo(400);
    assertThat(tooFine.body()).contains("2000");
  }

  @Test
  void get_unknownSloOrProduct_is404() {
    assertThat(fixture.client.get("/api/v1/products/auth.a/slos/nope").statusCode()).isEqualTo(404);
    assertThat(fixture.client.get("/api/v1/products/auth.zzz/slos/checks").statusCode()).isEqualTo(404);
    assertThat(fixture.client.get("/api/v1/products/NOT-AN-ID/slos/checks").statusCode()).isEqualTo(400);
  }

  private static List<String> names(JsonNode body) {
    List<String> names = new ArrayList<>();
    for (JsonNode slo : body.path("slos")) {
      names.add(slo.path("product").asText() + "/" + slo.path("name").asText() + ":" + slo.path("state").asText());
    }
    assertThat(body.path("count").asInt()).isEqualTo(names.size());
    return names;
  }
}
