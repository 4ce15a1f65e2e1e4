package io.meshwatch.collector.descriptor;

/**
 * One mistake found in a descriptor or config file, e.g.
 * {@code orders.yaml:12: slos[0].objective: must be above 0 and below 100, got 120}.
 *
 * @param source the file name (or another name for the input, such as a request)
 * @param line the 1-based line, or 0 when the problem has no line (an unreadable file, a flag)
 * @param field the field path, e.g. {@code slos[0].objective}; empty for the document as a whole
 */
public record DescriptorProblem(String source, int line, String field, String message, Severity severity) {

  /** Errors make a descriptor unusable; warnings point at something probably wrong. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public DescriptorProblem {
    if (source == null || field == null || message == null || severity == null) {
      throw new IllegalArgumentException("problem needs a source, field, message and severity");
    }
    if (line < 0) {
      throw new IllegalArgumentException("problem line must be 0 (none) or positive, got " + line);
    }
  }

  /** An error at {@code source:line} on {@code field}. */
  public static DescriptorProblem error(String source, int line, String field, String message) {
    return new DescriptorProblem(source, line, field, message, Severity.ERROR);
  }

  /** A warning at {@code source:line} on {@code field}. */
  public static DescriptorProblem warning(String source, int line, String field, String message) {
    return new DescriptorProblem(source, line, field, message, Severity.WARNING);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code source:line: field: message}, prefixed by {@code warning: } for warnings. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (severity == Severity.WARNING) {
      out.append("warning: ");
    }
    out.append(source);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    return out.append(message).toString();
  }
}
