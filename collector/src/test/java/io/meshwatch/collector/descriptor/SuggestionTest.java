package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {

  private static final List<String> FIELDS = List.of("name", "sli", "threshold", "objective", "window");

  @Test
  void closest_findsTyposSwapsAndCase() {
    assertThat(Suggestion.closest("objetive", FIELDS)).contains("objective");
    assertThat(Suggestion.closest("treshold", FIELDS)).contains("threshold");
    assertThat(Suggestion.closest("widnow", FIELDS)).contains("window");
    assertThat(Suggestion.closest("Window", FIELDS)).contains("window");
    assertThat(Suggestion.closest("sla", FIELDS)).contains("sli");
  }

  @Test
  void closest_suggestsNothingForUnrelatedNames() {
    assertThat(Suggestion.closest("colour", FIELDS)).isEmpty();
    assertThat(Suggestion.closest("x", FIELDS)).isEmpty();
  }
}
