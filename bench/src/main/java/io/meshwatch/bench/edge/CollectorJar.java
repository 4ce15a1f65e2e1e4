package io.meshwatch.bench.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A collector jar running as its own process ({@code -Xmx1g}) on a free loopback port, with the admin
 * token {@link #TOKEN} and the product {@link #PRODUCT}, in a temp directory removed on close.
 */
record CollectorJar(Process process, Path dir, int port) implements AutoCloseable {

  static final String TOKEN = "bench-admin";
  static final String PRODUCT = "bench.orders";

  /** Starts {@code jar} with {@code extraConfig} (YAML lines) added to its config file; returns once /health answers. */
  static CollectorJar start(Path jar, String extraConfig) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("meshwatch-edge-bench");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(dir.resolve("descriptors"));
    Files.writeString(dir.resolve("descriptors/orders.yaml"), "id: " + PRODUCT + "\nowner: bench\nversion: 1.0.0\n"
        + "slos:\n  - { name: checks, sli: quality, objective: 99, window: 28d }\n");
    Files.writeString(dir.resolve("meshwatch.yaml"), "server: { port: " + port + " }\ndataDir: ./data\n"
        + "descriptors: ./descriptors\ntokens: { admin: [ \"" + TOKEN + "\" ] }\n" + extraConfig);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx1g", "-jar", jar.toAbsolutePath().toString(), "serve",
        "--config", dir.resolve("meshwatch.yaml").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    CollectorJar collector = new CollectorJar(process, dir, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HealthUnderBombs.probe(port, 1);
        return collector;
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException("the collector exited: " + Files.readString(dir.resolve("server.log")));
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    collector.close();
    throw new IOException("the collector did not answer /health within 60 s");
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
