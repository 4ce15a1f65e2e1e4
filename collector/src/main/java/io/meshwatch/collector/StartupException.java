package io.meshwatch.collector;

import org.jspecify.annotations.Nullable;

/** The collector could not start; the message says every reason found. */
public final class StartupException extends RuntimeException {
  public StartupException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
