package io.meshwatch.collector.cli;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.ConfigException;
import io.meshwatch.collector.demo.DemoMesh;
import io.meshwatch.collector.demo.DemoProduct;
import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.model.DataProduct;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command reads its products from: descriptor files, the {@code descriptors} directory of a
 * collector config, or the demo mesh. Exactly one of them.
 */
final class DescriptorSource {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Choice choice;

  static final class Choice {
    @Option(names = "--descriptors", paramLabel = "PATH", split = ",", arity = "1..*",
        description = "descriptor and OpenSLO files or directories of them, as `meshwatch validate` reads them")
    @Nullable List<Path> descriptors;

    @Option(names = "--config", paramLabel = "FILE",
        description = "a collector config file: its descriptors directory (and its dashboards section)")
    @Nullable Path config;

    @Option(names = "--demo", description = "the demo mesh's 22 products (what `meshwatch demo` serves)")
    boolean demo;
  }

  private @Nullable CollectorConfig config;

  /** The collector config given with {@code --config} (read once), or {@code null}. */
  @Nullable CollectorConfig config() {
    if (config == null && choice.config != null) {
      config = CollectorConfig.load(choice.config);
    }
    return config;
  }

  /**
   * The products, checked as the collector would read them.
   *
   * @throws ConfigException with every error when a descriptor is invalid (warnings pass)
   */
  List<DataProduct> products() {
    if (choice.demo) {
      return DemoMesh.products().stream().map(DemoProduct::descriptor).toList();
    }
    List<Path> paths;
    CollectorConfig config = config();
    if (config != null) {
      if (config.descriptorsDir() == null) {
        throw new ConfigException(List.of(DescriptorProblem.error(choice.config.toString(), 0, "descriptors",
            "the config names no descriptors directory")));
      }
      paths = List.of(config.descriptorsDir());
    } else {
      paths = choice.descriptors;
    }
    ParseResult result = new DescriptorParser().parseAll(paths);
    if (result.hasErrors()) {
      throw new ConfigException(result.errors());
    }
    return result.products();
  }
}
