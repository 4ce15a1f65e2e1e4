package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.compression.DecompressionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class StreamedInflaterTest {

  private final AtomicLong inflated = new AtomicLong();

  @Test
  void feed_gzipInPiecesOfEverySize_givesBackTheBody() throws IOException {
    byte[] body = randomText(300_000);
    byte[] gzip = gzip(body);
    for (int piece : new int[] {1, 7, 1000, gzip.length}) {
      try (StreamedInflater inflater = inflater("gzip", 1 << 20)) {
        for (int at = 0; at < gzip.length; at += piece) {
          assertThat(inflater.feed(Arrays.copyOfRange(gzip, at, Math.min(gzip.length, at + piece)))).isTrue();
        }
        assertThat(inflater.finish()).as("pieces of %d", piece).isEqualTo(body);
      }
    }
  }

  @Test
  void feed_deflateAndConcatenatedGzipMembers_areUndoneToo() throws IOException {
    byte[] body = randomText(10_000);
    try (StreamedInflater inflater = inflater("deflate", 1 << 20)) {
      ByteArrayOutputStream deflated = new ByteArrayOutputStream();
      try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
        out.write(body);
      }
      inflater.feed(deflated.toByteArray());
      assertThat(inflater.finish()).isEqualTo(body);
    }
    try (StreamedInflater inflater = inflater("gzip", 1 << 20)) {
      inflater.feed(gzip(body));
      inflater.feed(gzip(body));
      assertThat(inflater.finish()).hasSize(2 * body.length);
    }
  }

  @Test
  void feed_aBomb_stopsJustPastTheLimitAndInflatesNoMore() throws IOException {
    byte[] bomb = gzip(new byte[64 << 20]);
    long limit = 1 << 20;
    try (StreamedInflater inflater = inflater("gzip", limit)) {
      boolean underLimit = true;
      for (int at = 0; at < bomb.length && underLimit; at += 4096) {
        underLimit = inflater.feed(Arrays.copyOfRange(bomb, at, Math.min(bomb.length, at + 4096)));
      }
      assertThat(underLimit).isFalse();
      long stoppedAt = inflated.get();
      assertThat(inflater.feed(new byte[] {1, 2, 3})).isFalse();
      assertThat(inflated.get()).isEqualTo(stoppedAt).isGreaterThan(limit).isLessThanOrEqualTo(limit + 64 * 1024);
    }
  }

  @Test
  void finish_truncatedOrCorrupt_isADecompressionException() throws IOException {
    byte[] gzip = gzip(randomText(10_000));
    try (StreamedInflater inflater = inflater("gzip", 1 << 20)) {
      inflater.feed(Arrays.copyOf(gzip, gzip.length - 10));
      assertThatThrownBy(inflater::finish).isInstanceOf(DecompressionException.class);
    }
    try (StreamedInflater inflater = inflater("gzip", 1 << 20)) {
      assertThatThrownBy(() -> {
        inflater.feed("not gzip at all".getBytes());
        inflater.finish();
      }).isInstanceOf(DecompressionException.class);
    }
  }

  @Test
  void forEncoding_identityNeedsNoneAndOthersAreRefusedByName() {
    assertThat(StreamedInflater.forEncoding("identity", 1, inflated::addAndGet)).isEmpty();
    assertThat(StreamedInflater.forEncoding("", 1, inflated::addAndGet)).isEmpty();
    assertThatThrownBy(() -> StreamedInflater.forEncoding("br", 1, inflated::addAndGet))
        .hasMessage("Content-Encoding must be gzip, deflate or identity, got 'br'");
  }

  private StreamedInflater inflater(String encoding, long limit) {
    return StreamedInflater.forEncoding(encoding, limit, inflated::addAndGet).orElseThrow();
  }

  static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
      out.write(body);
    }
    return bytes.toByteArray();
  }

  private static byte[] randomText(int length) {
    Random random = new Random(12);
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) ('a' + random.nextInt(8));
    }
    return text;
  }
}
