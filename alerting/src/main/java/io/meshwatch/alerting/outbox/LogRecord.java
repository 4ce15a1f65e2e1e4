package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.AlertCodec;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.TextCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/** One record of the outbox log: a notification was enqueued, or its delivery finished. */
sealed interface LogRecord {
  byte ENQUEUED = 1;
  byte DELIVERED = 2;
  byte GAVE_UP = 3;

  /** {@code notification} was accepted at {@code at}. */
  record Enqueued(Notification notification, Instant at) implements LogRecord {
    public Enqueued {
      Objects.requireNonNull(notification, "notification");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The notification {@code id} was delivered (or, when not {@code delivered}, given up) at {@code at}. */
  record Finished(String id, Instant at, boolean delivered) implements LogRecord {
    public Finished {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The record's body: a type byte, then its fields. */
  static byte[] encode(LogRecord record) {
    // Sized for a typical record, so that the buffer is not copied as it grows.
    int expected = record instanceof Enqueued enqueued ? 256 + 768 * enqueued.notification().alerts().size() : 64;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(expected);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (record instanceof Enqueued enqueued) {
        out.writeByte(ENQUEUED);
        AlertCodec.writeInstant(out, enqueued.at());
        AlertCodec.write(out, enqueued.notification());
      } else if (record instanceof Finished finished) {
        out.writeByte(finished.delivered() ? DELIVERED : GAVE_UP);
        TextCodec.write(out, finished.id());
        AlertCodec.writeInstant(out, finished.at());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static LogRecord decode(byte[] body) throws IOException {
    return decode(new DataInputStream(new ByteArrayInputStream(body)));
  }

  /** A record of the outbox log of data dir format 1, whose strings {@code writeUTF} wrote. */
  static LogRecord decodeFormatOne(byte[] body) throws IOException {
    return decode(TextCodec.formatOne(new ByteArrayInputStream(body)));
  }

  private static LogRecord decode(DataInput in) throws IOException {
    byte type = in.readByte();
    switch (type) {
      case ENQUEUED -> {
        Instant at = requireInstant(in);
        return new Enqueued(AlertCodec.readNotification(in), at);
      }
      case DELIVERED, GAVE_UP -> {
        String id = TextCodec.read(in);
        return new Finished(id, requireInstant(in), type == DELIVERED);
      }
      default -> throw new IOException("unknown outbox record type " + type);
    }
  }

  private static Instant requireInstant(DataInput in) throws IOException {
    Instant at = AlertCodec.readInstant(in);
    if (at == null) {
      throw new IOException("outbox record without a time");
    }
    return at;
  }
}
