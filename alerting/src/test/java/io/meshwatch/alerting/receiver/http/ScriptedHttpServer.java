package io.meshwatch.alerting.receiver.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1, port 0, that answers each request with the raw bytes a test's
 * script gives, so that tests can send what a well-behaved framework would not: chunked bodies,
 * interim answers, HTTP/1.0, a connection closed with or without saying so, half an answer. Counts
 * the connections it accepted and records every request with the connection it came on.
 */
final class ScriptedHttpServer implements AutoCloseable {

  /** A request as it arrived: its head (request line and headers, CR LF kept) and its body. */
  record Request(int connection, String head, byte[] body) {
    String requestLine() {
      return head.substring(0, head.indexOf("\r\n"));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * What to do with one request: write {@code bytes}, then close the connection when {@code close},
   * or write nothing and hold the connection open when {@code hang}.
   */
  record Answer(byte[] bytes, boolean close, boolean hang) {
    static Answer of(String raw) {
      return new Answer(raw.getBytes(StandardCharsets.ISO_8859_1), false, false);
    }

    static Answer thenClose(String raw) {
      return new Answer(raw.getBytes(StandardCharsets.ISO_8859_1), true, false);
    }

    static Answer never() {
      return new Answer(new byte[0], false, true);
    }
  }

  /** Decides the answer to the {@code index}-th request (from 0) the server received. */
  interface Script {
    Answer answer(int index, Request request);
  }

  static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

  private final ServerSocket server;
  private final Script script;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requestCount = new AtomicInteger();

  ScriptedHttpServer(Script script) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = script;
    threads.execute(this::accept);
  }

  /** A server that answers every request with {@code answer}. */
  static ScriptedHttpServer answering(String answer) throws IOException {
    return new ScriptedHttpServer((index, request) -> Answer.of(answer));
  }

  URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int connection = connections.getAndIncrement();
        threads.execute(() -> serve(socket, connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        Request request = new Request(connection, head, in.readNBytes(contentLength(head)));
        requests.add(request);
        Answer answer = script.answer(requestCount.getAndIncrement(), request);
        if (answer.hang()) {
          in.read(); // until the client or close() ends the connection
          return;
        }
        out.write(answer.bytes());
        out.flush();
        if (answer.close()) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** The head up to and with its empty line, or null when the connection ends before one starts. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
