package io.meshwatch.collector.descriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one source while it is read, so that reading goes on past the first
 * mistake and reports them all.
 */
public final class Problems {

  private final String source;
  private final List<DescriptorProblem> list = new ArrayList<>();

  public Problems(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  public void error(int line, String field, String message) {
    list.add(DescriptorProblem.error(source, line, field, message));
  }

  public void error(Node at, String field, String message) {
    error(line(at), field, message);
  }

  public void warning(int line, String field, String message) {
    list.add(DescriptorProblem.warning(source, line, field, message));
  }

  public void warning(Node at, String field, String message) {
    warning(line(at), field, message);
  }

  public int errorCount() {
    return (int) list.stream().filter(DescriptorProblem::isError).count();
  }

  /** The problems in line order (problems on one line in the order they were found). */
  public List<DescriptorProblem> list() {
    List<DescriptorProblem> ordered = new ArrayList<>(list);
    ordered.sort(Comparator.comparingInt(DescriptorProblem::line));
    return List.copyOf(ordered);
  }

  /** The 1-based line a node starts on, or 0 when snakeyaml did not record one. */
  public static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
