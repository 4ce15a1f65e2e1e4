package io.meshwatch.alerting.receiver.http;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads one response from a connection: the status line, the headers that frame the body, and the
 * body (as much of it as {@link KeepAliveHttpClient.Reply} keeps), and says whether the connection
 * can carry another request.
 */
record Response(int status, String bodyStart, boolean reusable) {
  static final int KEPT_BODY_BYTES = 512;
  // A body longer than this is not read to its end to keep the connection: closing it is cheaper.
  static final long MAX_DRAINED_BYTES = 64 * 1024;
  private static final int MAX_HEADERS = 128;

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
      boolean reusable = head.keepAlive;
      if (head.status == 204 || head.status == 304) {
        return new Response(head.status, "", reusable);
      }
      if (head.chunked) {
        reusable &= readChunks(connection, body, deadlineNanos);
      } else if (head.contentLength > MAX_DRAINED_BYTES) {
        connection.readBody(KEPT_BODY_BYTES, body, deadlineNanos);
        reusable = false;
      } else if (head.contentLength >= 0) {
        connection.readBody(head.contentLength, body, deadlineNanos);
      } else {
        connection.readToEnd(body, MAX_DRAINED_BYTES, deadlineNanos);
        reusable = false;
      }
      return new Response(head.status, body.text(), reusable);
    }
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
    boolean chunked;
    boolean keepAlive;

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
      Boolean connectionKeepAlive = null;
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
        String value = line.substring(colon + 1).strip();
        switch (name) {
          case "content-length" -> head.contentLength = parseLength(value, 10, connection);
          case "transfer-encoding" -> head.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
          case "connection" -> {
            String tokens = value.toLowerCase(Locale.ROOT);
            if (tokens.contains("close")) {
              connectionKeepAlive = false;
            } else if (tokens.contains("keep-alive")) {
              connectionKeepAlive = true;
            }
          }
          default -> { }
        }
      }
      head.keepAlive = connectionKeepAlive == null ? http11 : connectionKeepAlive;
      return head;
    }

    private static String abbreviate(String line) {
      return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
  }
}
