package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; {@link #problems()} lists every reason, each with its place. */
public final class ConfigException extends RuntimeException {

  private final List<DescriptorProblem> problems;

  public ConfigException(List<DescriptorProblem> problems) {
    super(message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a config exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<DescriptorProblem> problems() {
    return problems;
  }

  private static String message(List<DescriptorProblem> problems) {
    String header = problems.size() == 1 ? "1 configuration problem:" : problems.size() + " configuration problems:";
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
  }
}
