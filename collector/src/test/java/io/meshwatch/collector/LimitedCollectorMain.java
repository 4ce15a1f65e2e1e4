package io.meshwatch.collector;

import io.meshwatch.collector.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * A collector in its own JVM for tests that run it under an operating-system limit ({@code ulimit -n}
 * in {@link DescriptorLimitTest}, {@code ulimit -f} in {@link StorageFullTest}): asks for far more
 * connections than a descriptor limit allows, with the header timeout given.
 *
 * <p>Arguments: data dir, header timeout in ms. Prints {@code PORT <n>} once listening; then answers
 * each stdin line, then {@code OK}: {@code snapshot} with {@code SNAPSHOT ok} or {@code SNAPSHOT failed
 * <why>}, {@code fds} with {@code FDS <open> <limit>}.
 */
public final class LimitedCollectorMain {

  private LimitedCollectorMain() {}

  public static void main(String[] args) throws Exception {
    Duration header = Duration.ofMillis(Long.parseLong(args[1]));
    ServerConfig server = ServerConfig.DEFAULTS.withMaxConnections(100_000).withTimeouts(header.multipliedBy(2), header, header);
    MeshwatchCollector collector = MeshwatchCollector.start(
        CrashTestCollectorMain.config(Path.of(args[0])).withServer(server), InstantSource.system(),
        CrashTestCollectorMain.products());
    System.out.println("PORT " + collector.port());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("snapshot")) {
        try {
          collector.snapshotNow();
          System.out.println("SNAPSHOT ok");
        } catch (IOException | RuntimeException e) {
          System.out.println("SNAPSHOT failed " + e);
        }
      } else if (line.equals("fds")) {
        var os = (com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("FDS " + os.getOpenFileDescriptorCount() + " " + os.getMaxFileDescriptorCount());
      }
      System.out.println("OK");
      System.out.flush();
    }
    collector.close();
  }
}
