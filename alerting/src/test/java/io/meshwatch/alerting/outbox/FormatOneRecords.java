package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.Notification;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes an outbox log as data dir format 1 did: "MWOUTBX1", then CRC32-framed records whose strings are writeUTF's. */
final class FormatOneRecords {
  private FormatOneRecords() {}

  static void write(Path file, List<LogRecord> records) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(log);
    out.writeLong(0x4D574F5554425831L);
    for (LogRecord record : records) {
      byte[] body = body(record);
      CRC32 crc = new CRC32();
      crc.update(body);
      out.writeInt(body.length);
      out.writeInt((int) crc.getValue());
      out.write(body);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, log.toByteArray());
  }

  private static byte[] body(LogRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    if (record instanceof LogRecord.Enqueued enqueued) {
      out.writeByte(1);
      instant(out, enqueued.at());
      Notification n = enqueued.notification();
      out.writeUTF(n.id());
      out.writeUTF(n.receiver());
      out.writeUTF(n.purpose().name());
      map(out, n.groupLabels());
      out.writeInt(n.alerts().size());
      for (Alert alert : n.alerts()) {
        out.writeUTF(alert.fingerprint());
        out.writeUTF(alert.product().toString());
        out.writeUTF(alert.slo());
        out.writeUTF(alert.condition().key());
        out.writeUTF(alert.state().label());
        map(out, alert.labels());
        map(out, alert.annotations());
        instant(out, alert.activeAt());
        instant(out, alert.startsAt());
        instant(out, alert.endsAt());
      }
    } else if (record instanceof LogRecord.Finished finished) {
      out.writeByte(finished.delivered() ? 2 : 3);
      out.writeUTF(finished.id());
      instant(out, finished.at());
    }
    return bytes.toByteArray();
  }

  private static void map(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static void instant(DataOutputStream out, Instant at) throws IOException {
    out.writeBoolean(at != null);
    if (at != null) {
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
    }
  }
}
