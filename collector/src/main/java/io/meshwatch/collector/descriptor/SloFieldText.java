package io.meshwatch.collector.descriptor;

import io.meshwatch.model.SliKind;
import java.util.Arrays;
import java.util.List;

/** Reads the SLO fields descriptors and OpenSLO documents share, with the same messages in both. */
public final class SloFieldText {

  private SloFieldText() {}

  /** An SLI kind by its label; an unknown one is refused with the closest label as a hint. */
  public static SliKind kind(String text) {
    for (SliKind kind : SliKind.values()) {
      if (kind.label().equals(text)) {
        return kind;
      }
    }
    List<String> labels = Arrays.stream(SliKind.values()).map(SliKind::label).toList();
    String hint = Suggestion.closest(text, labels).map(label -> " (did you mean '" + label + "'?)").orElse("");
    throw new IllegalArgumentException("must be one of " + SliKind.labels() + ", got '" + text + "'" + hint);
  }

  /** A whole number of rows, 0 or more; {@code _} may group digits. */
  public static long rows(String text) {
    try {
      long rows = Long.parseLong(text.replace("_", ""));
      if (rows >= 0) {
        return rows;
      }
    } catch (NumberFormatException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be a whole number of rows, 0 or more, got '" + text + "'");
  }
}
