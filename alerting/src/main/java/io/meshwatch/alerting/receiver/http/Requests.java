package io.meshwatch.alerting.receiver.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writes a request's head and body as the bytes that go on the wire, in one array (one write). */
final class Requests {
  private Requests() {}

  static byte[] post(Origin origin, URI url, Map<String, String> headers, byte[] body, Set<String> reserved) {
    if (!isAscii(url.getRawPath()) || !isAscii(url.getRawQuery())) {
      url = URI.create(url.toASCIIString()); // other characters go percent-encoded as UTF-8
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    StringBuilder head = new StringBuilder(256).append("POST ").append(path);
    if (url.getRawQuery() != null) {
      head.append('?').append(url.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader()).append("\r\n");
    headers.forEach((name, value) -> {
      checkName(name, reserved);
      checkValue(name, value);
      head.append(name).append(": ").append(value).append("\r\n");
    });
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private static boolean isAscii(@Nullable String text) {
    if (text != null) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) >= 0x80) {
          return false;
        }
      }
    }
    return true;
  }

  private static void checkName(String name, Set<String> reserved) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
      }
    }
    if (reserved.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("header " + name + " is the client's to write");
    }
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException("header " + name + " has a character HTTP cannot carry: U+"
            + String.format("%04X", (int) c));
      }
    }
  }
}
