package io.meshwatch.collector.cli;

import io.meshwatch.collector.MeshwatchCollector;
import io.meshwatch.collector.config.CollectorConfig;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code meshwatch serve}: runs the collector until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Run the collector: OTLP and JSON ingest, product catalog, SLO evaluation, Prometheus /metrics.",
    footer = {"", "Example:", "  meshwatch serve --config meshwatch.yaml --descriptors ./descriptors"})
final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  @Override
  public Integer call() throws Exception {
    CollectorConfig config = server.resolve();
    MeshwatchCollector collector = MeshwatchCollector.start(config, InstantSource.system());
    return CollectorRuntime.runUntilStopped(collector);
  }
}
