package io.meshwatch.collector.descriptor;

import io.meshwatch.collector.openslo.OpenSloReader;
import io.meshwatch.collector.openslo.OpenSloResult;
import io.meshwatch.model.DataProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses data product descriptors: YAML with one product per document (documents separated by
 * {@code ---}), or the same schema as JSON. Every problem is reported at once, with its source, line
 * and field; products with errors are left out of the result. Documents with {@code apiVersion:
 * openslo/v1} among them are OpenSLO documents: their SLOs are added to the products they name (see
 * {@link OpenSloReader}).
 *
 * <pre>{@code
 * ParseResult result = new DescriptorParser().parseDirectory(Path.of("descriptors"));
 * result.problems().forEach(System.err::println); // "orders.yaml:12: slos[0].objective: ..."
 * List<DataProduct> products = result.hasErrors() ? List.of() : result.products();
 * }</pre>
 */
public final class DescriptorParser {

  /** Parses {@code text}, named {@code source} in problems; product ids must be unique within it. */
  public ParseResult parse(String source, String text) {
    Problems problems = new Problems(source);
    OpenSloReader openSlo = new OpenSloReader();
    List<LocatedProduct> products = read(text, problems, openSlo);
    return withOpenSlo(MeshChecks.uniqueIds(products, problems.list(), false), openSlo);
  }

  /** Parses one file; product ids must be unique within it. */
  public ParseResult parse(Path file) {
    Problems problems = new Problems(file.toString());
    OpenSloReader openSlo = new OpenSloReader();
    List<LocatedProduct> products = read(file, problems, openSlo);
    return withOpenSlo(MeshChecks.uniqueIds(products, problems.list(), false), openSlo);
  }

  /**
   * Parses every {@code *.yaml}, {@code *.yml} and {@code *.json} file under {@code dir} (also in
   * sub-directories, skipping hidden ones), in sorted order, as one mesh: duplicate product ids are
   * errors, upstream ids that no parsed product declares are warnings.
   */
  public ParseResult parseDirectory(Path dir) {
    return parseAll(List.of(dir));
  }

  /** Parses files and directories (as {@link #parseDirectory(Path)}) together as one mesh. */
  public ParseResult parseAll(List<Path> paths) {
    List<LocatedProduct> products = new ArrayList<>();
    List<DescriptorProblem> problems = new ArrayList<>();
    OpenSloReader openSlo = new OpenSloReader();
    for (Path path : paths) {
      for (Path file : files(path, problems)) {
        Problems fileProblems = new Problems(file.toString());
        products.addAll(read(file, fileProblems, openSlo));
        problems.addAll(fileProblems.list());
      }
    }
    return withOpenSlo(MeshChecks.uniqueIds(products, problems, true), openSlo);
  }

  /**
   * {@code descriptors} with the SLOs of the OpenSLO documents read along with them added to their
   * products, and the problems of both; with any OpenSLO error no OpenSLO SLO is added.
   */
  private static ParseResult withOpenSlo(ParseResult descriptors, OpenSloReader openSlo) {
    if (openSlo.isEmpty()) {
      return descriptors;
    }
    OpenSloResult slos = openSlo.read(descriptors.products());
    List<DescriptorProblem> problems = new ArrayList<>(descriptors.problems());
    problems.addAll(slos.problems());
    return new ParseResult(slos.applyTo(descriptors.products()), ordered(problems));
  }

  private static List<Path> files(Path path, List<DescriptorProblem> problems) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.add(DescriptorProblem.error(path.toString(), 0, "", "no such file or directory"));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> files = walk
          .filter(p -> Files.isRegularFile(p) && isDescriptor(p) && !isHidden(path.relativize(p)))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
      if (files.isEmpty()) {
        problems.add(DescriptorProblem.warning(path.toString(), 0, "", "no *.yaml, *.yml or *.json files in this directory"));
      }
      return files;
    } catch (IOException | UncheckedIOException e) {
      problems.add(DescriptorProblem.error(path.toString(), 0, "", "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isDescriptor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<LocatedProduct> read(Path file, Problems problems, OpenSloReader openSlo) {
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      problems.error(0, "", "is not UTF-8 text");
      return List.of();
    } catch (IOException e) {
      problems.error(0, "", "cannot read file: " + e);
      return List.of();
    }
    return read(text, problems, openSlo);
  }

  private static List<LocatedProduct> read(String text, Problems problems, OpenSloReader openSlo) {
    List<Node> documents = YamlDocuments.compose(text, problems);
    if (documents.isEmpty() && problems.errorCount() == 0) {
      problems.warning(0, "", "holds no data product");
    }
    List<LocatedProduct> products = new ArrayList<>();
    for (Node document : documents) {
      if (OpenSloReader.isOpenSlo(document)) {
        openSlo.add(problems.source(), document);
        continue;
      }
      LocatedProduct product = ProductReader.read(document, problems);
      if (product != null) {
        products.add(product);
      }
    }
    return products;
  }

  /** Orders problems by source (in the order sources were read) and line. */
  static List<DescriptorProblem> ordered(List<DescriptorProblem> problems) {
    Map<String, List<DescriptorProblem>> bySource = new LinkedHashMap<>();
    for (DescriptorProblem problem : problems) {
      bySource.computeIfAbsent(problem.source(), source -> new ArrayList<>()).add(problem);
    }
    List<DescriptorProblem> ordered = new ArrayList<>();
    for (List<DescriptorProblem> ofSource : bySource.values()) {
      ofSource.sort(Comparator.comparingInt(DescriptorProblem::line));
      ordered.addAll(ofSource);
    }
    return ordered;
  }

  static List<DataProduct> productsOf(List<LocatedProduct> located) {
    return located.stream().map(LocatedProduct::product).toList();
  }
}
