package io.meshwatch.alerting;

import java.io.IOException;

/**
 * Alerting could not write what it must keep (the outbox, or the state of what was notified). The
 * evaluation that raised it did not queue its notifications; the next one tries again.
 */
public final class AlertingStorageException extends RuntimeException {
  AlertingStorageException(String message, IOException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
