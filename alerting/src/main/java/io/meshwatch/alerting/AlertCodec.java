package io.meshwatch.alerting;

import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes alerts and notifications in the binary form alerting keeps on disk (outbox, dispatcher
 * state). Conditions and states are written by their stable names, never by ordinal, so that adding
 * a constant does not turn stored alerts into others.
 */
public final class AlertCodec {
  private AlertCodec() {}

  public static void write(DataOutput out, Alert alert) throws IOException {
    TextCodec.write(out, alert.fingerprint());
    TextCodec.write(out, alert.product().toString());
    TextCodec.write(out, alert.slo());
    TextCodec.write(out, alert.condition().key());
    TextCodec.write(out, alert.state().label());
    writeMap(out, alert.labels());
    writeMap(out, alert.annotations());
    writeInstant(out, alert.activeAt());
    writeInstant(out, alert.startsAt());
    writeInstant(out, alert.endsAt());
  }

  public static Alert readAlert(DataInput in) throws IOException {
    String fingerprint = TextCodec.read(in);
    ProductId product = ProductId.parse(TextCodec.read(in));
    String slo = TextCodec.read(in);
    AlertCondition condition = condition(TextCodec.read(in));
    AlertState state = state(TextCodec.read(in));
    Map<String, String> labels = readMap(in);
    Map<String, String> annotations = readMap(in);
    Instant activeAt = readInstant(in);
    if (activeAt == null) {
      throw new IOException("stored alert " + fingerprint + " has no activeAt");
    }
    return new Alert(fingerprint, product, slo, condition, state, labels, annotations, activeAt,
        readInstant(in), readInstant(in));
  }

  public static void write(DataOutput out, Notification notification) throws IOException {
    TextCodec.write(out, notification.id());
    TextCodec.write(out, notification.receiver());
    TextCodec.write(out, notification.purpose().name());
    writeMap(out, notification.groupLabels());
    out.writeInt(notification.alerts().size());
    for (Alert alert : notification.alerts()) {
      write(out, alert);
    }
  }

  public static Notification readNotification(DataInput in) throws IOException {
    String id = TextCodec.read(in);
    String receiver = TextCodec.read(in);
    Notification.Purpose purpose;
    try {
      purpose = Notification.Purpose.valueOf(TextCodec.read(in));
    } catch (IllegalArgumentException e) {
      throw new IOException("stored notification " + id + " has an unknown purpose", e);
    }
    Map<String, String> groupLabels = readMap(in);
    int count = in.readInt();
    if (count < 1) {
      throw new IOException("stored notification " + id + " has " + count + " alerts");
    }
    List<Alert> alerts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      alerts.add(readAlert(in));
    }
    return new Notification(id, receiver, groupLabels, alerts, purpose);
  }

  public static void writeMap(DataOutput out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      TextCodec.write(out, entry.getKey());
      TextCodec.write(out, entry.getValue());
    }
  }

  public static Map<String, String> readMap(DataInput in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("negative map size " + size);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(TextCodec.read(in), TextCodec.read(in));
    }
    return map;
  }

  /** An instant or null, to the nanosecond. */
  public static void writeInstant(DataOutput out, @Nullable Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

  public static @Nullable Instant readInstant(DataInput in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  private static AlertCondition condition(String key) throws IOException {
    for (AlertCondition condition : AlertCondition.values()) {
      if (condition.key().equals(key)) {
        return condition;
      }
    }
    throw new IOException("stored alert has an unknown condition '" + key + "'");
  }

  private static AlertState state(String label) throws IOException {
    for (AlertState state : AlertState.values()) {
      if (state.label().equals(label)) {
        return state;
      }
    }
    throw new IOException("stored alert has an unknown state '" + label + "'");
  }
}
