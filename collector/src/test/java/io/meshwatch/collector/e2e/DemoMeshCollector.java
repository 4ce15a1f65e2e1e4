package io.meshwatch.collector.e2e;

import io.meshwatch.collector.MeshwatchCollector;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.collector.demo.DemoMesh;
import io.meshwatch.collector.demo.DemoProduct;
import io.meshwatch.collector.demo.DemoSimulator;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collector running the demo mesh in-process, wired as {@code meshwatch demo} (README's first
 * command) wires it: the demo's products registered, one ingest token per product, the demo's short
 * evaluation interval and silence timeout, and the simulator's real agents reporting over OTLP. It
 * listens on a free loopback port and runs on the system clock, because Prometheus scrapes it on its own.
 */
final class DemoMeshCollector implements AutoCloseable {

  private final List<DemoProduct> demo;
  private final MeshwatchCollector collector;
  private final DemoSimulator simulator;

  private DemoMeshCollector(List<DemoProduct> demo, MeshwatchCollector collector, DemoSimulator simulator) {
    this.demo = demo;
    this.collector = collector;
    this.simulator = simulator;
  }

  /** Starts the collector with its state in {@code dataDir} and the simulated mesh reporting to it. */
  static DemoMeshCollector start(Path dataDir) {
    List<DemoProduct> demo = DemoMesh.products();
    Map<String, String> tokenByProduct = new LinkedHashMap<>();
    Map<String, ProductId> ingest = new HashMap<>();
    for (DemoProduct product : demo) {
      String token = "e2e-token-" + product.descriptor().id();
      tokenByProduct.put(product.descriptor().id().toString(), token);
      ingest.put(token, product.descriptor().id());
    }
    CollectorConfig defaults = CollectorConfig.defaults();
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, defaults.maxBodyBytes(),
        new CollectorConfig.Evaluation(DemoMesh.EVALUATION_INTERVAL, DemoMesh.SILENCE_TIMEOUT,
            defaults.evaluation().maxClockSkew(), defaults.evaluation().lateness()),
        defaults.storage(), new Tokens(Set.of("e2e-admin-token"), ingest), defaults.alerting());
    MeshwatchCollector collector = MeshwatchCollector.start(config, InstantSource.system(),
        demo.stream().map(DemoProduct::descriptor).toList());
    try {
      return new DemoMeshCollector(demo, collector,
          new DemoSimulator(collector.uri(), demo, tokenByProduct, InstantSource.system()));
    } catch (RuntimeException e) {
      collector.close();
      throw e;
    }
  }

  /** The demo's product descriptors, as registered with the collector. */
  List<DataProduct> products() {
    return demo.stream().map(DemoProduct::descriptor).toList();
  }

  /** The demo's products with the behaviour each simulates. */
  List<DemoProduct> demoProducts() {
    return demo;
  }

  /** The collector's base URI, e.g. {@code http://127.0.0.1:41234}; {@code /metrics} is below it. */
  URI uri() {
    return collector.uri();
  }

  @Override
  public void close() {
    simulator.close();
    collector.close();
  }
}
