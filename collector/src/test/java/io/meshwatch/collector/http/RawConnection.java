package io.meshwatch.collector.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain TCP connection to a server, for tests that must send what no HTTP client sends: a head a
 * byte at a time, a broken chunked body, nothing at all. A thread reads whatever the server sends
 * until it closes the connection.
 */
final class RawConnection implements AutoCloseable {

  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
  private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  private final Socket socket;
  private final OutputStream out;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private volatile boolean closedByPeer;

  RawConnection(URI base) {
    try {
      socket = new Socket(base.getHost(), base.getPort());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread reader = new Thread(this::readUntilClosed, "raw-connection-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void readUntilClosed() {
    byte[] buffer = new byte[8192];
    try (InputStream in = socket.getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (received) {
          received.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // a reset is a close too
    }
    closedByPeer = true;
  }

  /** Sends {@code bytes}; false when the server has closed the connection already. */
  boolean send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  boolean send(String ascii) {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Whether the server closed (or reset) the connection. */
  boolean closedByPeer() {
    return closedByPeer;
  }

  String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The first complete response received so far, if any. */
  Optional<Response> response() {
    String text = received();
    int headEnd = text.indexOf("\r\n\r\n");
    Matcher status = STATUS.matcher(text);
    if (headEnd < 0 || !status.find()) {
      return Optional.empty();
    }
    String head = text.substring(0, headEnd);
    Matcher length = LENGTH.matcher(head);
    int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
    if (text.length() < headEnd + 4 + bodyLength) {
      return Optional.empty();
    }
    return Optional.of(new Response(Integer.parseInt(status.group(1)), head, text.substring(headEnd + 4, headEnd + 4 + bodyLength)));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One response: status, head (status line and fields) and body. */
  record Response(int status, String head, String body) {
    Optional<String> header(String name) {
      return head.lines()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    }
  }
}
