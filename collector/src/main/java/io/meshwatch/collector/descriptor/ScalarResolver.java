package io.meshwatch.collector.descriptor;

import org.jspecify.annotations.Nullable;

/**
 * Turns the text of a YAML scalar into the value a field sees. Descriptors take text as written; the
 * collector config substitutes {@code ${ENV}} variables here.
 */
@FunctionalInterface
public interface ScalarResolver {

  /** Text as written. */
  ScalarResolver VERBATIM = (text, line, field, problems) -> text;

  /**
   * The value of {@code text} found at {@code line} in {@code field}.
   *
   * @return the value, or {@code null} after recording in {@code problems} why there is none
   */
  @Nullable String resolve(String text, int line, String field, Problems problems);
}
