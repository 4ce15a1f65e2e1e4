package io.meshwatch.bench.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /health} latency of a collector jar, first idle, then while {@code --bombs} clients keep
 * posting gzip bombs ({@code --bomb-mib} MiB of zeros, about a thousandth of that compressed) to
 * {@code /v1/metrics} with a valid token. Each collector runs as its own process with
 * {@code -Xmx1g} on a free loopback port; each probe is a new connection ({@code Connection: close}),
 * so that probes land on every event loop the collector has.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.edge.HealthUnderBombs \
 *     --jar before=/tmp/base/collector/target/meshwatch.jar --jar after=collector/target/meshwatch.jar
 * }</pre>
 */
public final class HealthUnderBombs {


  private HealthUnderBombs() {}

  public static void main(String[] args) throws Exception {
    Map<String, Path> jars = new LinkedHashMap<>();
    int bombs = 4;
    int bombMib = 1024;
    int probes = 200;
    int rounds = 2;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--jar" -> {
          String[] named = args[i + 1].split("=", 2);
          jars.put(named[0], Path.of(named[1]));
        }
        case "--bombs" -> bombs = Integer.parseInt(args[i + 1]);
        case "--bomb-mib" -> bombMib = Integer.parseInt(args[i + 1]);
        case "--probes" -> probes = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    byte[] bomb = bomb(bombMib);
    System.out.printf("bomb: %d MiB of zeros as %d bytes of gzip; %d bombs in flight; %d probes per phase; %d rounds%n",
        bombMib, bomb.length, bombs, probes, rounds);
    System.out.printf("%-8s %-5s %-6s %10s %10s %10s %s%n", "jar", "round", "phase", "min ms", "median ms", "max ms",
        "bomb answers");
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Path> jar : jars.entrySet()) {
        try (CollectorJar collector = CollectorJar.start(jar.getValue(), "")) {
          report(jar.getKey(), round, "idle", probe(collector.port(), probes), Map.of());
          Map<Integer, Integer> answers = new ConcurrentHashMap<>();
          AtomicBoolean stop = new AtomicBoolean();
          List<Thread> bombers = new ArrayList<>();
          for (int b = 0; b < bombs; b++) {
            Thread bomber = new Thread(() -> {
              while (!stop.get()) {
                answers.merge(post(collector.port(), bomb), 1, Integer::sum);
              }
            }, "bomber-" + b);
            bomber.start();
            bombers.add(bomber);
          }
          TimeUnit.MILLISECONDS.sleep(500); // let the bombs get going
          long[] loaded = probe(collector.port(), probes);
          stop.set(true);
          for (Thread bomber : bombers) {
            bomber.join();
          }
          report(jar.getKey(), round, "bombs", loaded, answers);
        }
      }
    }
  }

  private static void report(String jar, int round, String phase, long[] nanos, Map<Integer, Integer> answers) {
    Arrays.sort(nanos);
    System.out.printf("%-8s %-5d %-6s %10.1f %10.1f %10.1f %s%n", jar, round, phase, nanos[0] / 1e6,
        nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6, answers.isEmpty() ? "" : answers);
  }

  /** {@code count} requests of {@code GET /health}, each on a new connection: their latencies in ns. */
  static long[] probe(int port, int count) throws IOException {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      String answer = exchange(port, "GET /health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII), new byte[0]);
      nanos[i] = System.nanoTime() - start;
      if (!answer.startsWith("HTTP/1.1 200")) {
        throw new IOException("GET /health answered " + answer.lines().findFirst().orElse("nothing"));
      }
    }
    return nanos;
  }

  /** Posts one bomb; the answer's status, or 0 when the connection broke before one came. */
  private static int post(int port, byte[] bomb) {
    byte[] head = ("POST /v1/metrics HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + CollectorJar.TOKEN
        + "\r\nContent-Type: application/x-protobuf\r\nContent-Encoding: gzip\r\nContent-Length: " + bomb.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    try {
      String answer = exchange(port, head, bomb);
      return answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static String exchange(int port, byte[] head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] bomb(int mib) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
      for (int i = 0; i < mib; i++) {
        gzip.write(zeros);
      }
    }
    return bytes.toByteArray();
  }
}
