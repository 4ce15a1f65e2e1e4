package io.meshwatch.collector.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meshwatch demo}: the collector plus a simulated mesh. Placeholder until the demo is wired. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Run the collector with a simulated data mesh whose products report through real agents.",
    footer = {"", "Example:", "  meshwatch demo --port 8080", "  curl -s localhost:8080/api/v1/products"})
final class DemoCommand implements Callable<Integer> {

  @Mixin ServerOptions server;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("not yet wired");
    return 1;
  }
}
