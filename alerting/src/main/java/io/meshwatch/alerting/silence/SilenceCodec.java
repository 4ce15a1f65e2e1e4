package io.meshwatch.alerting.silence;

import io.meshwatch.alerting.AlertCodec;
import io.meshwatch.alerting.TextCodec;
import io.meshwatch.alerting.routing.Matcher;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of stored silences. Starts with a format version so that a later format can
 * still read this one; operators are written by their names, never by ordinal.
 */
final class SilenceCodec {
  private static final int MAGIC = 0x4d57_5331; // "MWS1"
  private static final int VERSION = 1;

  private SilenceCodec() {}

  static void write(DataOutput out, List<Silence> silences) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(silences.size());
    for (Silence silence : silences) {
      TextCodec.write(out, silence.id());
      out.writeInt(silence.matchers().size());
      for (Matcher matcher : silence.matchers()) {
        TextCodec.write(out, matcher.name());
        TextCodec.write(out, matcher.op().name());
        TextCodec.write(out, matcher.value());
      }
      TextCodec.write(out, silence.createdBy());
      TextCodec.write(out, silence.comment());
      AlertCodec.writeInstant(out, silence.startsAt());
      AlertCodec.writeInstant(out, silence.endsAt());
    }
  }

  static List<Silence> read(DataInput in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not stored silences (magic " + Integer.toHexString(magic) + ")");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("stored silences have format version " + version + ", this version reads " + VERSION);
    }
    int count = count(in, "silences");
    List<Silence> silences = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      silences.add(readSilence(in));
    }
    return silences;
  }

  private static Silence readSilence(DataInput in) throws IOException {
    String id = TextCodec.read(in);
    try {
      int matcherCount = count(in, "matchers of silence " + id);
      List<Matcher> matchers = new ArrayList<>(Math.min(matcherCount, 64));
      for (int i = 0; i < matcherCount; i++) {
        matchers.add(new Matcher(TextCodec.read(in), Matcher.Op.valueOf(TextCodec.read(in)), TextCodec.read(in)));
      }
      String createdBy = TextCodec.read(in);
      String comment = TextCodec.read(in);
      Instant startsAt = AlertCodec.readInstant(in);
      Instant endsAt = AlertCodec.readInstant(in);
      if (startsAt == null || endsAt == null) {
        throw new IOException("stored silence " + id + " has no start or end");
      }
      return new Silence(id, matchers, createdBy, comment, startsAt, endsAt);
    } catch (IllegalArgumentException e) {
      throw new IOException("stored silence " + id + " is invalid: " + e.getMessage(), e);
    }
  }

  private static int count(DataInput in, String what) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative number of " + what + ": " + count);
    }
    return count;
  }
}
