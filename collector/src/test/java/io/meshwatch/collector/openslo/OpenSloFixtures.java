package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.model.DataProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The products of examples/descriptors and the files the OpenSLO tests read. */
final class OpenSloFixtures {

  static final Path ROOT = Path.of(System.getProperty("basedir", "."));
  static final Path DESCRIPTORS = ROOT.resolve("../examples/descriptors");
  static final Path EXAMPLES = ROOT.resolve("../examples/openslo");
  static final Path SPEC_EXAMPLES = ROOT.resolve("src/test/resources/openslo/spec-examples");

  private OpenSloFixtures() {}

  /** sales.raw_orders, sales.orders and marketing.attribution, as the example descriptors declare them. */
  static List<DataProduct> products() {
    ParseResult result = new DescriptorParser().parseDirectory(DESCRIPTORS);
    if (result.hasErrors()) {
      throw new IllegalStateException("example descriptors have errors: " + result.problems());
    }
    return result.products();
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code files} together, each named by its file name. */
  static OpenSloResult read(Path... files) {
    OpenSloReader reader = new OpenSloReader();
    for (Path file : files) {
      var problems = new io.meshwatch.collector.descriptor.Problems(file.getFileName().toString());
      io.meshwatch.collector.descriptor.YamlDocuments.compose(text(file), problems)
          .forEach(document -> reader.add(file.getFileName().toString(), document));
      if (!problems.list().isEmpty()) {
        throw new IllegalStateException("not YAML: " + problems.list());
      }
    }
    return reader.read(products());
  }
}
