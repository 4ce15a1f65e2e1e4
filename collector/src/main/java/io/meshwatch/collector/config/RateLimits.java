package io.meshwatch.collector.config;

/**
 * How many write requests each token and each product may make (the {@code rateLimits} section): a
 * token bucket each, refilled at {@code requestsPerSecond} and holding at most {@code burst}. Over its
 * budget a request is answered 429 with Retry-After; one product's or token's budget never touches
 * another's.
 *
 * @param perToken each bearer token's budget, over every product and endpoint it writes
 * @param perProduct each product's budget, over every token that writes it
 */
public record RateLimits(Budget perToken, Budget perProduct) {

  static final double MAX_RATE = 1_000_000;
  static final int MAX_BURST = 10_000_000;

  /**
   * 50 requests per second with bursts of 1000 per token, 10 per second with bursts of 600 per
   * product: a pipeline exporting every 10 s uses a hundredth of its product's.
   */
  public static final RateLimits DEFAULTS = new RateLimits(new Budget(50, 1000), new Budget(10, 600));

  public RateLimits {
    if (perToken == null || perProduct == null) {
      throw new IllegalArgumentException("rateLimits.perToken and rateLimits.perProduct are required");
    }
  }

  /**
   * One token bucket's size.
   *
   * @param requestsPerSecond how fast the budget refills, above 0 and at most 1 000 000
   * @param burst how many requests it holds at most, between 1 and 10 000 000
   */
  public record Budget(double requestsPerSecond, int burst) {

    public Budget {
      if (!(requestsPerSecond > 0) || requestsPerSecond > MAX_RATE) {
        throw new IllegalArgumentException("requestsPerSecond must be above 0 and at most 1000000, got " + requestsPerSecond);
      }
      if (burst < 1 || burst > MAX_BURST) {
        throw new IllegalArgumentException("burst must be between 1 and 10000000, got " + burst);
      }
    }

    /** "50 requests per second with bursts of 1000". */
    public String describe() {
      String rate = requestsPerSecond == Math.rint(requestsPerSecond)
          ? Long.toString((long) requestsPerSecond) : Double.toString(requestsPerSecond);
      return rate + " requests per second with bursts of " + burst;
    }
  }
}
