package io.meshwatch.alerting.receiver.http;

import java.nio.charset.StandardCharsets;

/** The first bytes of a response body, enough to say what an error response is about. */
final class BodyPrefix {
  private final byte[] kept;
  private int size;

  BodyPrefix(int room) {
    this.kept = new byte[room];
  }

  void add(byte[] bytes, int offset, int length) {
    int copied = Math.min(length, kept.length - size);
    System.arraycopy(bytes, offset, kept, size, copied);
    size += copied;
  }

  /** As UTF-8; a character cut at the end is replaced. */
  String text() {
    return new String(kept, 0, size, StandardCharsets.UTF_8);
  }
}
