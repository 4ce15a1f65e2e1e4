package io.meshwatch.alerting.receiver;

import java.util.Map;

/**
 * Writes compact JSON in one pass, in the order of the calls. Strings are escaped as RFC 8259
 * requires; U+2028/U+2029 and unpaired surrogates are escaped too, so the output is also safe inside
 * JavaScript and survives UTF-8 encoding without losing characters.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int MAX_DEPTH = 64;

  private final StringBuilder out;
  // Per open container: whether it already holds an element (a comma goes before the next one).
  private final boolean[] hasElement = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;

  JsonWriter() {
    this(256);
  }

  /** A writer whose buffer starts at {@code expectedChars}: a document of about that size is not copied as it grows. */
  JsonWriter(int expectedChars) {
    this.out = new StringBuilder(expectedChars);
  }

  JsonWriter beginObject() {
    beforeValue();
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    beforeValue();
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    if (depth == 0 || afterName) {
      throw new IllegalStateException("a name belongs inside an object, before a value");
    }
    beforeValue();
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  JsonWriter value(String value) {
    beforeValue();
    string(value);
    return this;
  }

  JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** An object of string members, in the map's order. */
  JsonWriter object(Map<String, String> members) {
    beginObject();
    members.forEach((name, value) -> name(name).value(value));
    return endObject();
  }

  @Override
  public String toString() {
    if (depth != 0 || afterName) {
      throw new IllegalStateException("JSON is incomplete: " + depth + " container(s) still open");
    }
    return out.toString();
  }

  private JsonWriter open(char bracket) {
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
    }
    out.append(bracket);
    hasElement[depth++] = false;
    return this;
  }

  private JsonWriter close(char bracket) {
    if (depth == 0 || afterName) {
      throw new IllegalStateException("nothing to close with " + bracket);
    }
    depth--;
    out.append(bracket);
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (hasElement[depth - 1]) {
        out.append(',');
      }
      hasElement[depth - 1] = true;
    }
  }

  private void string(String value) {
    out.append('"');
    // Runs of characters that need no escape go in with one append each: most strings are one run.
    int plainFrom = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isPlain(c) || (Character.isSurrogate(c) && !unpairedSurrogate(value, i))) {
        continue;
      }
      out.append(value, plainFrom, i);
      escape(c);
      plainFrom = i + 1;
    }
    if (plainFrom == 0) {
      out.append(value);
    } else {
      out.append(value, plainFrom, value.length());
    }
    out.append('"');
  }

  private static boolean isPlain(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029' && !Character.isSurrogate(c);
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> unicodeEscape(c); // other controls, U+2028/U+2029, unpaired surrogates
    }
  }

  private static boolean unpairedSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private void unicodeEscape(char c) {
    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
  }
}
