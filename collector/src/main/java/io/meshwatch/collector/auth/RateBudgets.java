package io.meshwatch.collector.auth;

import io.meshwatch.collector.config.RateLimits;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write budget of every token and every product ({@link RateLimits}): one {@link TokenBucket}
 * each, so that one product or token over its budget never takes from another's. Keys are known
 * tokens and known products only, so the buckets are as many as the config and the catalog hold.
 * Safe for concurrent use.
 */
public final class RateBudgets {

  /** A request over a budget: whose, what the budget is, and when to come back. */
  public record OverBudget(String message, Duration retryAfter) {}

  private final RateLimits limits;
  private final InstantSource clock;
  private final Map<String, TokenBucket> tokens = new ConcurrentHashMap<>();
  private final Map<ProductId, TokenBucket> products = new ConcurrentHashMap<>();

  public RateBudgets(RateLimits limits, InstantSource clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Takes one request from the budget of the token {@code tokenKey} ({@link Authorizer#tokenKey}). */
  public Optional<OverBudget> takeForToken(String tokenKey) {
    Duration wait = tokens.computeIfAbsent(tokenKey, key -> bucket(limits.perToken())).tryTake();
    return wait.isZero() ? Optional.empty() : Optional.of(new OverBudget("this token is over its budget of "
        + limits.perToken().describe() + " (rateLimits.perToken); retry later", wait));
  }

  /**
   * Takes one request from the budget of each of {@code known} products, or from none: when one is
   * over its budget, what was taken from the others is given back.
   */
  public Optional<OverBudget> takeForProducts(Collection<ProductId> known) {
    List<TokenBucket> taken = new ArrayList<>(known.size());
    for (ProductId product : known) {
      TokenBucket bucket = products.computeIfAbsent(product, key -> bucket(limits.perProduct()));
      Duration wait = bucket.tryTake();
      if (!wait.isZero()) {
        taken.forEach(TokenBucket::giveBack);
        return Optional.of(new OverBudget("product " + product + " is over its budget of "
            + limits.perProduct().describe() + " (rateLimits.perProduct); retry later", wait));
      }
      taken.add(bucket);
    }
    return Optional.empty();
  }

  private TokenBucket bucket(RateLimits.Budget budget) {
    return new TokenBucket(budget.requestsPerSecond(), budget.burst(), clock);
  }
}
