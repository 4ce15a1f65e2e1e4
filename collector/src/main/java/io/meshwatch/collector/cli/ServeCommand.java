package io.meshwatch.collector.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meshwatch serve}: runs the collector until interrupted. Placeholder until the server is wired. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Run the collector: OTLP and JSON ingest, product catalog, SLO evaluation, Prometheus /metrics.",
    footer = {"", "Example:", "  meshwatch serve --config meshwatch.yaml --descriptors ./descriptors"})
final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions server;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("not yet wired");
    return 1;
  }
}
