package io.meshwatch.bench.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The latency of one small gzip'd write, the kind a pipeline sends: {@code --requests} JSON events
 * requests (a quality check, a volume, a heartbeat) posted one after another on one kept-alive
 * connection, after {@code --warmup} more, against each collector jar as its own process. Shows what the
 * edge's checks and inflating off the event loop cost per request.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.edge.IngestLatency \
 *     --jar before=/tmp/base/collector/target/meshwatch.jar --jar after=collector/target/meshwatch.jar \
 *     --config 'after=rateLimits: { perProduct: { requestsPerSecond: 1000000, burst: 10000000 } }'
 * }</pre>
 *
 * <p>{@code --config name=yaml} adds lines to that jar's config file, e.g. budgets above this load.
 */
public final class IngestLatency {

  private IngestLatency() {}

  public static void main(String[] args) throws Exception {
    Map<String, Path> jars = new LinkedHashMap<>();
    int requests = 2_000;
    int warmup = 3_000;
    int rounds = 3;
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--jar" -> {
          String[] named = args[i + 1].split("=", 2);
          jars.put(named[0], Path.of(named[1]));
        }
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--config" -> {
          String[] named = args[i + 1].split("=", 2);
          extra.put(named[0], named[1] + "\n");
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    byte[] body = gzip(("[{\"type\":\"quality\",\"check\":\"not_null_id\",\"passed\":true,\"rowsChecked\":1000},"
        + "{\"type\":\"volume\",\"rows\":1000},{\"type\":\"heartbeat\"}]").getBytes(StandardCharsets.UTF_8));
    byte[] head = ("POST /api/v1/products/" + CollectorJar.PRODUCT + "/events HTTP/1.1\r\nHost: bench\r\n"
        + "Authorization: Bearer " + CollectorJar.TOKEN + "\r\nContent-Type: application/json\r\n"
        + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    System.out.printf("%d warm-up and %d measured gzip'd events requests (%d bytes) per round, one connection%n",
        warmup, requests, request.length);
    System.out.printf("%-8s %-5s %10s %10s %10s %10s%n", "jar", "round", "min us", "median us", "p99 us", "max us");
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Path> jar : jars.entrySet()) {
        try (CollectorJar collector = CollectorJar.start(jar.getValue(), extra.getOrDefault(jar.getKey(), ""));
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), collector.port())) {
          socket.setTcpNoDelay(true);
          long[] nanos = post(socket, request, warmup + requests);
          long[] measured = Arrays.copyOfRange(nanos, warmup, nanos.length);
          Arrays.sort(measured);
          System.out.printf("%-8s %-5d %10.0f %10.0f %10.0f %10.0f%n", jar.getKey(), round, measured[0] / 1e3,
              measured[measured.length / 2] / 1e3, measured[measured.length * 99 / 100] / 1e3,
              measured[measured.length - 1] / 1e3);
        }
      }
    }
  }

  private static long[] post(Socket socket, byte[] request, int count) throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    long[] nanos = new long[count];
    byte[] buffer = new byte[8192];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      out.write(request);
      out.flush();
      String answer = readResponse(in, buffer);
      nanos[i] = System.nanoTime() - start;
      if (!answer.startsWith("HTTP/1.1 202")) {
        throw new IOException("request " + i + " answered " + answer.lines().findFirst().orElse("nothing"));
      }
    }
    return nanos;
  }

  /** One response with a Content-Length body, read to its end. */
  private static String readResponse(InputStream in, byte[] buffer) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    int headEnd = -1;
    int length = 0;
    while (headEnd < 0 || response.size() < headEnd + length) {
      int n = in.read(buffer);
      if (n < 0) {
        throw new IOException("the connection closed mid-response: " + response);
      }
      response.write(buffer, 0, n);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && text.contains("\r\n\r\n")) {
        headEnd = text.indexOf("\r\n\r\n") + 4;
        for (String line : text.substring(0, headEnd).split("\r\n")) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
      }
    }
    return response.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(body);
    }
    return bytes.toByteArray();
  }
}
