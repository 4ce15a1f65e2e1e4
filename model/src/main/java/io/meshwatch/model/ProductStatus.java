package io.meshwatch.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product as the SLO engine saw it at {@code evaluatedAt}: whether its agent is reporting, how old
 * its newest data is, and each of its SLOs.
 *
 * <p>{@code lastSeen} is when the collector last heard from the product (any signal or heartbeat),
 * {@code dataTime} the newest event time its data covers, {@code dataAge} = evaluatedAt − dataTime;
 * each is {@code null} until known. {@code error} is {@code null} when the product was evaluated
 * whole; otherwise it says what failed (the SLOs it names are in state {@link SloState#ERROR}, and
 * when the product as a whole could not be evaluated, all of them are).
 */
public record ProductStatus(
    ProductId product,
    AgentState agent,
    @Nullable Instant lastSeen,
    @Nullable Instant dataTime,
    @Nullable Duration dataAge,
    List<SloStatus> slos,
    Instant evaluatedAt,
    @Nullable String error) {

  public ProductStatus {
    slos = List.copyOf(slos);
    if (error != null && error.isBlank()) {
      throw new IllegalArgumentException("an evaluation error needs a message, or null for none");
    }
  }

  /** A product evaluated whole. */
  public ProductStatus(ProductId product, AgentState agent, @Nullable Instant lastSeen, @Nullable Instant dataTime,
      @Nullable Duration dataAge, List<SloStatus> slos, Instant evaluatedAt) {
    this(product, agent, lastSeen, dataTime, dataAge, slos, evaluatedAt, null);
  }

  /** Whether some part of the product's evaluation failed ({@link #error()} says what). */
  public boolean failed() {
    return error != null;
  }

  /** Whether any SLO of the product is breaching. */
  public boolean breaching() {
    return slos.stream().anyMatch(s -> s.state() == SloState.BREACHING);
  }
}
