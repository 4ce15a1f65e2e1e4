package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
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

  @Test
  void value_escapesRandomStringsAsACharByCharReferenceDoes() {
    // The writer appends runs of plain characters at once; the reference decides each character alone.
    String pool = "ab Z09\"\\\n\r\t\b\f\u0000\u001f\u007f\u00e9\u20ac\u65e5\u2028\u2029\ud83d\ude00\ud83d\ude00";
    Random random = new Random(20261206);
    for (int run = 0; run < 10_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        text.append(pool.charAt(random.nextInt(pool.length())));
      }
      assertThat(string(text.toString())).as("escaping %s", text.chars().boxed().toList())
          .isEqualTo(referenceEscape(text.toString()));
    }
  }

  /** RFC 8259 escaping plus U+2028/U+2029 and lone surrogates, one character at a time. */
  private static String referenceEscape(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
      String named = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case '\b' -> "\\b";
        case '\f' -> "\\f";
        default -> null;
      };
      if (named != null) {
        out.append(named);
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || lone) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String string(String value) {
    return new JsonWriter().value(value).toString();
  }
}
