package io.meshwatch.collector.cli;

import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.ParseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshwatch validate}: checks descriptors, and OpenSLO v1 files that add SLOs to their products,
 * as the collector would read them, all together.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Check data product descriptors and OpenSLO v1 files and print every problem, by file, line and field.",
    footer = {
      "",
      "The files are checked together: a product id declared twice is an error, an",
      "upstream id that none of them declares is a warning. Documents with",
      "apiVersion: openslo/v1 add SLOs to the products they name; any OpenSLO error",
      "adds none. Schemas: docs/DESCRIPTORS.md, docs/OPENSLO.md",
      "Exit status: 0 without errors, 1 with errors, 2 on a usage error.",
      "",
      "Example:",
      "  $ meshwatch validate examples/descriptors/ orders.yaml",
      "  orders.yaml:12: slos[0].objective: must be above 0 and below 100, got 120",
      "  3 products, 1 error, 0 warnings"})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "descriptor and OpenSLO files (*.yaml, *.yml, *.json) or directories of them, searched recursively")
  List<Path> files = List.of();

  @Option(names = "--strict", defaultValue = "false",
      description = "exit 1 on warnings too (default: ${DEFAULT-VALUE})")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ParseResult result = new DescriptorParser().parseAll(files);
    PrintWriter out = spec.commandLine().getOut();
    result.problems().forEach(out::println);
    int errors = result.errors().size();
    int warnings = result.warnings().size();
    out.println(count(result.products().size(), "product") + ", " + count(errors, "error") + ", "
        + count(warnings, "warning"));
    out.flush();
    return errors > 0 || (strict && warnings > 0) ? 1 : 0;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
