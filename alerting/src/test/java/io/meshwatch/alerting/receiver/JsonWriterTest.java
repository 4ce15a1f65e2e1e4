package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void value_escapesQuotesBackslashesAndNamedControlCharacters() {
    assertThat(string("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(string("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
  }

  @Test
  void value_escapesOtherControlCharactersAsUnicode() {
    assertThat(string("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    // DEL and space need no escape.
    assertThat(string("\u007f ")).isEqualTo("\"\u007f \"");
  }

  @Test
  void value_keepsUnicodeButEscapesLineSeparatorsAndLoneSurrogates() {
    assertThat(string("Zürich € 日本 😀")).isEqualTo("\"Zürich € 日本 😀\"");
    assertThat(string("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    assertThat(string("x\ud83dy")).isEqualTo("\"x\\ud83dy\"");
    assertThat(string("\ude00")).isEqualTo("\"\\ude00\"");
  }

  @Test
  void nesting_placesCommasAndColonsBetweenMembersAndElements() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("b", "2");
    labels.put("a", "1");
    String json = new JsonWriter().beginObject()
        .name("n").value(3)
        .name("empty").beginArray().endArray()
        .name("list").beginArray().value("x").beginObject().endObject().object(labels).endArray()
        .name("last").object(Map.of())
        .endObject().toString();

    assertThat(json).isEqualTo("{\"n\":3,\"empty\":[],\"list\":[\"x\",{},{\"b\":\"2\",\"a\":\"1\"}],\"last\":{}}");
  }

  @Test
  void toString_rejectsIncompleteOrMisplacedOutput() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).hasMessageContaining("incomplete");
    assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").toString()).hasMessageContaining("incomplete");
    assertThatThrownBy(() -> new JsonWriter().name("a")).hasMessageContaining("inside an object");
    assertThatThrownBy(() -> new JsonWriter().endArray()).hasMessageContaining("nothing to close");
  }

  private static String string(String value) {
    return new JsonWriter().value(value).toString();
  }
}
