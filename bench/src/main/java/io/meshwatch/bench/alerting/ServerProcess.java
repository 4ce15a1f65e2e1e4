package io.meshwatch.bench.alerting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A contender's server process on a loopback port: started with its output in {@code server.log} of
 * its own temp directory, ready once {@code GET /-/ready} answers 200, stopped with SIGTERM (then
 * SIGKILL) and its directory removed.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path dir;
  private final URI baseUrl;
  private String finalLog = "";
  private boolean closed;

  private ServerProcess(String name, Process process, Path dir, URI baseUrl) {
    this.name = name;
    this.process = process;
    this.dir = dir;
    this.baseUrl = baseUrl;
  }

  /** A free loopback port, for a server that takes its port on the command line. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Starts {@code command} (which listens on {@code port}) and waits until it is ready. */
  static ServerProcess start(String name, List<String> command, Path dir, int port)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    ServerProcess server = new ServerProcess(name, process, dir, URI.create("http://127.0.0.1:" + port));
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + " before it was ready: " + log());
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    close();
    throw new IOException(name + " was not ready within " + READY_TIMEOUT + ": " + log());
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  URI baseUrl() {
    return baseUrl;
  }

  Path dir() {
    return dir;
  }

  String log() throws IOException {
    Path log = dir.resolve("server.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** The server's output once it stopped (its directory is gone by then); empty before {@link #close}. */
  String finalLog() {
    return finalLog;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    finalLog = log();
    // -Dbench.logs=DIR keeps every server's output, e.g. to read why a notification was retried.
    String keep = System.getProperty("bench.logs");
    if (keep != null) {
      Files.createDirectories(Path.of(keep));
      Files.writeString(Path.of(keep, name + "-" + process.pid() + ".log"), finalLog);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
