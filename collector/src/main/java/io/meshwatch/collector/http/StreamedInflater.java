package io.meshwatch.collector.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.compression.Decompressor;
import io.netty.handler.codec.compression.JdkZlibDecompressor;
import io.netty.handler.codec.compression.ZlibWrapper;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Inflates one request body piece by piece as it arrives, and stops as soon as more than
 * {@code limit} bytes came out, so a compression bomb costs at most the limit's worth of work and
 * memory. Netty's {@link Decompressor} (the push-style API its own HTTP decompression is built on)
 * hands output over in bounded pieces; the JDK's {@code GZIPInputStream} would block a thread waiting
 * for the next piece of input. Not thread-safe: one caller at a time (they take turns, off the event
 * loop).
 */
final class StreamedInflater implements AutoCloseable {

  private static final int MAX_PIECE = 64 * 1024;

  private final Decompressor decompressor;
  private final long limit;
  private final LongConsumer inflated;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private boolean overLimit;

  private StreamedInflater(ZlibWrapper wrapper, long limit, LongConsumer inflated) {
    this.decompressor = JdkZlibDecompressor.builder().wrapper(wrapper).maxAllocation(MAX_PIECE)
        .decompressConcatenated(true).build(ByteBufAllocator.DEFAULT);
    this.limit = limit;
    this.inflated = inflated;
  }

  /**
   * The inflater for a {@code Content-Encoding}; empty for identity.
   *
   * @throws IllegalArgumentException for an encoding we cannot undo, naming it
   */
  static Optional<StreamedInflater> forEncoding(String contentEncoding, long limit, LongConsumer inflated) {
    return switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
      case "", "identity" -> Optional.empty();
      case "gzip", "x-gzip" -> Optional.of(new StreamedInflater(ZlibWrapper.GZIP, limit, inflated));
      case "deflate" -> Optional.of(new StreamedInflater(ZlibWrapper.ZLIB_OR_NONE, limit, inflated));
      default -> throw new IllegalArgumentException("Content-Encoding must be gzip, deflate or identity, got '"
          + contentEncoding + "'");
    };
  }

  /**
   * Inflates {@code input}.
   *
   * @return false once more than the limit came out; nothing more is inflated then
   * @throws DecompressionException when the input is not what its encoding says
   */
  boolean feed(byte[] input) {
    if (overLimit) {
      return false;
    }
    if (decompressor.status() == Decompressor.Status.COMPLETE) {
      throw new DecompressionException("bytes after the end of the compressed body");
    }
    decompressor.addInput(Unpooled.wrappedBuffer(input));
    return drain();
  }

  /**
   * The whole inflated body, once the input ended.
   *
   * @throws DecompressionException when the compressed body was cut short
   */
  byte[] finish() {
    if (decompressor.status() == Decompressor.Status.NEED_INPUT) {
      decompressor.endOfInput();
      drain();
    }
    if (decompressor.status() != Decompressor.Status.COMPLETE) {
      throw new DecompressionException("the compressed body ends before its compressed stream does");
    }
    return out.toByteArray();
  }

  private boolean drain() {
    while (decompressor.status() == Decompressor.Status.NEED_OUTPUT) {
      ByteBuf piece = decompressor.takeOutput();
      try {
        int bytes = piece.readableBytes();
        inflated.accept(bytes);
        if (out.size() + (long) bytes > limit) {
          overLimit = true;
          return false;
        }
        piece.readBytes(out, bytes);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("a ByteArrayOutputStream does not fail", e);
      } finally {
        piece.release();
      }
    }
    return true;
  }

  @Override
  public void close() {
    decompressor.close();
  }
}
