package io.meshwatch.collector.auth;

/** The outcome of an authorization check, with the message the client gets when it is refused. */
public record AuthDecision(Outcome outcome, String message) {

  /** Allowed, or which HTTP refusal applies. */
  public enum Outcome {
    ALLOWED(200),
    UNAUTHENTICATED(401),
    FORBIDDEN(403);

    private final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  static final AuthDecision ALLOWED = new AuthDecision(Outcome.ALLOWED, "");

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }
}
