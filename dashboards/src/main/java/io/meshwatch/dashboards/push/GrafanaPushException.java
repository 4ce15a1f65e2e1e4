package io.meshwatch.dashboards.push;

import java.io.IOException;

/**
 * A problem that stops a push altogether: Grafana unreachable, the token refused, Grafana too old.
 * The message names the URL and what Grafana said; {@link #status()} is the HTTP status, or 0 when
 * Grafana never answered.
 */
public final class GrafanaPushException extends IOException {
  private final int status;

  GrafanaPushException(String message, int status) {
    super(message);
    this.status = status;
  }

  GrafanaPushException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status of Grafana's answer, 0 if there was none. */
  public int status() {
    return status;
  }
}
