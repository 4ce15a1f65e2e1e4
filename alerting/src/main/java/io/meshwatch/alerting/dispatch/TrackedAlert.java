package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.Alert;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert the dispatcher holds, once for all of its groups: a group reads the alert through it, so
 * re-accepting a firing alert updates every group by one assignment.
 */
final class TrackedAlert {
  Alert alert;
  @Nullable Acknowledgement ack;
  // Usually one or two groups: a list beats a set here.
  final List<Group> groups = new ArrayList<>(2);

  TrackedAlert(Alert alert) {
    this.alert = alert;
  }

  String fingerprint() {
    return alert.fingerprint();
  }
}
