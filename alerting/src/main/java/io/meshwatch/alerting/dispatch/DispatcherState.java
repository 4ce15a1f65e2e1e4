package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.AlertCodec;
import io.meshwatch.alerting.TextCodec;
import io.meshwatch.alerting.routing.RoutedTo;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dispatcher's state in binary: alerts with their acknowledgements, then groups (route, labels,
 * sequence number, times, members with what was told), then the sequence numbers of emptied groups.
 * Alerts come first so that groups can refer to them by fingerprint.
 */
final class DispatcherState {
  private static final int FORMAT = 1;

  private DispatcherState() {}

  static void write(DataOutput out, Dispatcher dispatcher) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(dispatcher.alerts.size());
    for (TrackedAlert tracked : dispatcher.alerts.values()) {
      AlertCodec.write(out, tracked.alert);
      Acknowledgement ack = tracked.ack;
      out.writeBoolean(ack != null);
      if (ack != null) {
        TextCodec.write(out, ack.by());
        out.writeBoolean(ack.comment() != null);
        if (ack.comment() != null) {
          TextCodec.write(out, ack.comment());
        }
        AlertCodec.writeInstant(out, ack.at());
      }
    }
    out.writeInt(dispatcher.groups.size());
    for (Group group : dispatcher.groupsInFlushOrder()) {
      writeRoute(out, group.route);
      AlertCodec.writeMap(out, group.id.labels());
      out.writeLong(group.sequence);
      AlertCodec.writeInstant(out, group.lastNotified);
      AlertCodec.writeInstant(out, group.nextFlush);
      out.writeInt(group.members.size());
      for (Map.Entry<String, Group.Member> member : group.members.entrySet()) {
        TextCodec.write(out, member.getKey());
        out.writeBoolean(member.getValue().notifiedFiring);
      }
    }
    out.writeInt(dispatcher.retiredSequences.size());
    for (Map.Entry<GroupId, Long> retired : dispatcher.retiredSequences.entrySet()) {
      TextCodec.write(out, retired.getKey().routeId());
      TextCodec.write(out, retired.getKey().receiver());
      AlertCodec.writeMap(out, retired.getKey().labels());
      out.writeLong(retired.getValue());
    }
  }

  static void read(DataInput in, Dispatcher dispatcher) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("dispatcher state has format " + format + ", this version reads " + FORMAT);
    }
    int alertCount = count(in, "alerts");
    for (int i = 0; i < alertCount; i++) {
      TrackedAlert tracked = new TrackedAlert(AlertCodec.readAlert(in));
      if (in.readBoolean()) {
        String by = TextCodec.read(in);
        String comment = in.readBoolean() ? TextCodec.read(in) : null;
        tracked.ack = new Acknowledgement(tracked.fingerprint(), by, comment, required(AlertCodec.readInstant(in), "ack time"));
      }
      dispatcher.alerts.put(tracked.fingerprint(), tracked);
    }
    int groupCount = count(in, "groups");
    for (int i = 0; i < groupCount; i++) {
      RoutedTo route = readRoute(in);
      GroupId id = new GroupId(route.routeId(), route.receiver(), AlertCodec.readMap(in));
      long sequence = in.readLong();
      Instant lastNotified = AlertCodec.readInstant(in);
      Group group = new Group(id, route, dispatcher.nextSerial(), sequence,
          required(AlertCodec.readInstant(in), "next flush of " + id));
      group.lastNotified = lastNotified;
      int memberCount = count(in, "members");
      for (int m = 0; m < memberCount; m++) {
        String fingerprint = TextCodec.read(in);
        TrackedAlert tracked = dispatcher.alerts.get(fingerprint);
        if (tracked == null) {
          throw new IOException("dispatcher state: group " + id + " holds unknown alert " + fingerprint);
        }
        group.members.put(fingerprint, new Group.Member(tracked, in.readBoolean()));
        tracked.groups.add(group);
      }
      dispatcher.restore(group);
    }
    int retiredCount = count(in, "retired groups");
    for (int i = 0; i < retiredCount; i++) {
      GroupId id = new GroupId(TextCodec.read(in), TextCodec.read(in), AlertCodec.readMap(in));
      dispatcher.retiredSequences.put(id, in.readLong());
    }
    dispatcher.alerts.values().removeIf(tracked -> tracked.groups.isEmpty());
  }

  private static void writeRoute(DataOutput out, RoutedTo route) throws IOException {
    TextCodec.write(out, route.routeId());
    TextCodec.write(out, route.receiver());
    out.writeInt(route.groupBy().size());
    for (String label : route.groupBy()) {
      TextCodec.write(out, label);
    }
    writeDuration(out, route.groupWait());
    writeDuration(out, route.groupInterval());
    writeDuration(out, route.repeatInterval());
    out.writeBoolean(route.notifyInhibited());
  }

  private static RoutedTo readRoute(DataInput in) throws IOException {
    String routeId = TextCodec.read(in);
    String receiver = TextCodec.read(in);
    int size = count(in, "group_by labels");
    List<String> groupBy = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      groupBy.add(TextCodec.read(in));
    }
    try {
      return new RoutedTo(routeId, receiver, groupBy, readDuration(in), readDuration(in), readDuration(in),
          in.readBoolean());
    } catch (IllegalArgumentException e) {
      throw new IOException("dispatcher state: bad route " + routeId + ": " + e.getMessage(), e);
    }
  }

  private static void writeDuration(DataOutput out, Duration duration) throws IOException {
    out.writeLong(duration.getSeconds());
    out.writeInt(duration.getNano());
  }

  private static Duration readDuration(DataInput in) throws IOException {
    return Duration.ofSeconds(in.readLong(), in.readInt());
  }

  private static int count(DataInput in, String what) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("dispatcher state: negative number of " + what + ": " + count);
    }
    return count;
  }

  private static <T> T required(@Nullable T value, String what) throws IOException {
    if (value == null) {
      throw new IOException("dispatcher state: missing " + what);
    }
    return value;
  }
}
