package io.meshwatch.collector.cli;

import io.meshwatch.collector.MeshwatchCollector;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.collector.demo.Behaviour;
import io.meshwatch.collector.demo.DemoMesh;
import io.meshwatch.collector.demo.DemoProduct;
import io.meshwatch.collector.demo.DemoSimulator;
import io.meshwatch.model.ProductId;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meshwatch demo}: the collector plus a simulated mesh of products reporting through real agents. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Run the collector with a simulated data mesh: 22 products in 4 domains, each reported by a real",
      "meshwatch agent over OTLP. Most are healthy; some go stale, fail checks, drop volume, fail runs or",
      "fall silent, so that within two minutes the REST API and /metrics show both side by side."},
    footer = {"", "Example:", "  meshwatch demo --port 8080", "  curl -s localhost:8080/api/v1/products"})
final class DemoCommand implements Callable<Integer> {

  @Mixin ServerOptions server;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<DemoProduct> products = DemoMesh.products();
    Map<String, String> tokenByProduct = new LinkedHashMap<>();
    Map<String, ProductId> ingest = new HashMap<>();
    for (DemoProduct product : products) {
      String token = newToken();
      tokenByProduct.put(product.descriptor().id().toString(), token);
      ingest.put(token, product.descriptor().id());
    }
    String adminToken = newToken();
    CollectorConfig base = server.resolve();
    CollectorConfig config = new CollectorConfig(base.host(), base.port(), base.dataDir(), base.descriptorsDir(),
        base.maxBodyBytes(), new CollectorConfig.Evaluation(DemoMesh.EVALUATION_INTERVAL, DemoMesh.SILENCE_TIMEOUT,
            base.evaluation().maxClockSkew(), base.evaluation().lateness()), base.storage(),
        new Tokens(Set.of(adminToken), ingest), base.alerting(), base.dashboards(), base.limits(), base.server(),
        base.rateLimits());
    MeshwatchCollector collector = MeshwatchCollector.start(config, InstantSource.system(),
        products.stream().map(DemoProduct::descriptor).toList());
    DemoSimulator simulator = new DemoSimulator(collector.uri(), products, tokenByProduct, InstantSource.system());
    printGuide(collector, products, adminToken);
    return CollectorRuntime.runUntilStopped(simulator, collector);
  }

  private void printGuide(MeshwatchCollector collector, List<DemoProduct> products, String adminToken) {
    PrintWriter out = spec.commandLine().getOut();
    String base = collector.uri().toString();
    long domains = products.stream().map(p -> p.descriptor().domain()).distinct().count();
    out.printf("%nmeshwatch demo: %d simulated products in %d domains report to %s%n", products.size(), domains, base);
    out.printf("  all products and SLO status   curl -s %s/api/v1/products%n", base);
    out.printf("  one product                   curl -s %s/api/v1/products/marketing.attribution%n", base);
    out.printf("  Prometheus metrics            curl -s %s/metrics | grep 'meshwatch_slo_breaching.* 1.0'%n", base);
    out.printf("  admin token (POST descriptors) %s%n", adminToken);
    String misbehaving = products.stream()
        .filter(p -> p.behaviour() != Behaviour.HEALTHY)
        .map(p -> p.descriptor().id() + " (" + p.behaviour().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
        .collect(Collectors.joining(", "));
    out.printf("Within two minutes these break their promises: %s.%nPress Ctrl-C to stop.%n%n", misbehaving);
    out.flush();
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
