package io.meshwatch.bench.alerting;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link MeshwatchAlertingServer} in a JVM of its own, started from the harness's own class path with
 * the same {@code java}: its CPU is then read from {@code /proc} as Alertmanager's is, JIT and GC
 * threads included.
 */
final class MeshwatchPeer {
  private MeshwatchPeer() {}

  static ServerProcess start(BenchRoutes routes, URI sink, List<String> jvmArgs, List<String> serverArgs) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bench-meshwatch");
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    // Absolute: the server runs in its own directory.
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    command.addAll(List.of("-cp", classPath, "io.meshwatch.bench.alerting.MeshwatchAlertingServer",
        "--port", Integer.toString(port),
        "--sink", sink.toString(),
        "--outbox", dir.resolve("outbox").toString(),
        "--group-wait", routes.groupWait().toString(),
        "--group-interval", routes.groupInterval().toString(),
        "--repeat-interval", routes.repeatInterval().toString()));
    command.addAll(serverArgs);
    return ServerProcess.start("meshwatch", command, dir, port);
  }
}
