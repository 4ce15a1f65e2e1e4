package io.meshwatch.alerting.receiver.http;

import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one response from a connection: the status line, the headers that frame the body, and the
 * body (as much of it as {@link KeepAliveHttpClient.Reply} keeps), and says whether the connection
 * can carry another request: only when the body was framed, read to its end, and nothing came after it.
 */
record Response(int status, String bodyStart, boolean reusable) {
  static final int KEPT_BODY_BYTES = 512;
  // A body longer than this is not read to its end to keep the connection: closing it is cheaper.
  static final long MAX_DRAINED_BYTES = 64 * 1024;
  private static final int MAX_HEADERS = 128;

  /**
   * @throws IOException when no complete head arrived; once it did, its status stands, and a body cut
   *     short only makes the connection unfit for reuse
   */
  static Response read(Connection connection, long deadlineNanos) throws IOException {
    while (true) {
      Head head = Head.read(connection, deadlineNanos);
      if (head.status == 101) {
        throw new IOException(connection.origin() + " switched protocols, which a POST never asks for");
      }
      if (head.status >= 100 && head.status < 200) {
        continue; // 100 Continue and other interim responses precede the real one
      }
      BodyPrefix body = new BodyPrefix(KEPT_BODY_BYTES);
      boolean atBoundary;
      try {
        atBoundary = readBody(connection, head, body, deadlineNanos);
      } catch (IOException e) {
        atBoundary = false;
      }
      return new Response(head.status, body.text(), head.keepAlive && atBoundary && !connection.hasBuffered());
    }
  }

  /** Reads the body as the head frames it; says whether the connection is at the end of this response. */
  private static boolean readBody(Connection connection, Head head, BodyPrefix body, long deadlineNanos)
      throws IOException {
    if (head.status == 204 || head.status == 304) {
      return head.contentLength <= 0; // no body, whatever a length says; one that claims a body is out of step
    }
    if (head.transferEncoding != null) {
      if (!head.chunked()) {
        connection.readToEnd(body, MAX_DRAINED_BYTES, deadlineNanos);
        return false; // framed by the connection's end (RFC 9112, 6.3)
      }
      return readChunks(connection, body, deadlineNanos);
    }
    if (head.contentLength > MAX_DRAINED_BYTES) {
      connection.readBody(KEPT_BODY_BYTES, body, deadlineNanos);
      return false;
    }
    if (head.contentLength >= 0) {
      connection.readBody(head.contentLength, body, deadlineNanos);
      return true;
    }
    connection.readToEnd(body, MAX_DRAINED_BYTES, deadlineNanos);
    return false;
  }

  /** Reads a chunked body; false when it was too long to read to its end. */
  private static boolean readChunks(Connection connection, BodyPrefix body, long deadlineNanos) throws IOException {
    long total = 0;
    while (true) {
      String sizeLine = connection.readLine(deadlineNanos);
      int extension = sizeLine.indexOf(';');
      long size = parseLength(extension < 0 ? sizeLine.strip() : sizeLine.substring(0, extension).strip(), 16,
          connection);
      if (size == 0) {
        while (!connection.readLine(deadlineNanos).isEmpty()) {
          // trailer fields carry nothing a notifier uses
        }
        return true;
      }
      total += size;
      if (total > MAX_DRAINED_BYTES) {
        return false;
      }
      connection.readBody(size, body, deadlineNanos);
      if (!connection.readLine(deadlineNanos).isEmpty()) {
        throw new IOException(connection.origin() + " sent a chunk longer than its size");
      }
    }
  }

  private static long parseLength(String digits, int radix, Connection connection) throws IOException {
    try {
      long length = Long.parseLong(digits, radix);
      if (length < 0) {
        throw new NumberFormatException("negative");
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IOException(connection.origin() + " sent an invalid body length '" + digits + "'");
    }
  }

  /** The status line and the headers that matter here. */
  private static final class Head {
    int status;
    long contentLength = -1;
    // Every Transfer-Encoding field's value, joined as one list; null when there is none.
    @Nullable String transferEncoding;
    boolean keepAlive;

    /** Whether chunked is the final coding, which frames the body (RFC 9112, 6.3). */
    boolean chunked() {
      String[] codings = String.valueOf(transferEncoding).split(",");
      return codings[codings.length - 1].strip().equals("chunked");
    }

    static Head read(Connection connection, long deadlineNanos) throws IOException {
      String statusLine = connection.readLine(deadlineNanos);
      Head head = new Head();
      // HTTP/1.1 200 OK
      if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' ') {
        throw new IOException(connection.origin() + " did not answer in HTTP/1.x: '" + abbreviate(statusLine) + "'");
      }
      boolean http11 = statusLine.charAt(7) != '0';
      try {
        head.status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException(connection.origin() + " sent an invalid status line '" + abbreviate(statusLine) + "'");
      }
      boolean close = false;
      boolean keepAlive = false;
      for (int count = 0; ; count++) {
        String line = connection.readLine(deadlineNanos);
        if (line.isEmpty()) {
          break;
        }
        if (count == MAX_HEADERS) {
          throw new IOException(connection.origin() + " sent more than " + MAX_HEADERS + " header fields");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException(connection.origin() + " sent an invalid header line '" + abbreviate(line) + "'");
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> {
            long length = parseLength(value, 10, connection);
            if (head.contentLength >= 0 && head.contentLength != length) {
              throw new IOException(connection.origin() + " sent two different Content-Length values");
            }
            head.contentLength = length;
          }
          case "transfer-encoding" ->
              head.transferEncoding = head.transferEncoding == null ? value : head.transferEncoding + "," + value;
          case "connection" -> {
            // Any close wins: the server is going to close whatever else it said.
            for (String token : value.split(",")) {
              close |= token.strip().equals("close");
              keepAlive |= token.strip().equals("keep-alive");
            }
          }
          default -> { }
        }
      }
      head.keepAlive = !close && (http11 || keepAlive);
      return head;
    }

    private static String abbreviate(String line) {
      return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
  }
}
