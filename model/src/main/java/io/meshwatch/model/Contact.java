package io.meshwatch.model;

/** One way to reach a team's on-call, e.g. {@code new Contact(Contact.Kind.SLACK, "#sales-oncall")}. */
public record Contact(Kind kind, String target) {

  /** The channel a contact is reached on. */
  public enum Kind {
    EMAIL,
    SLACK,
    PAGERDUTY,
    WEBHOOK
  }

  public Contact {
    if (kind == null) {
      throw new IllegalArgumentException("contact needs a kind");
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("contact of kind " + kind + " needs a target");
    }
  }
}
