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
 * each is {@code null} until known.
 */
public record ProductStatus(
    ProductId product,
    AgentState agent,
    @Nullable Instant lastSeen,
    @Nullable Instant dataTime,
    @Nullable Duration dataAge,
    List<SloStatus> slos,
    Instant evaluatedAt) {

  public ProductStatus {
    slos = List.copyOf(slos);
  }

  /** Whether any SLO of the product is breaching. */
  public boolean breaching() {
    return slos.stream().anyMatch(s -> s.state() == SloState.BREACHING);
  }
}
