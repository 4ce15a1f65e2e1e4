package io.meshwatch.collector.auth;

import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a request's bearer token may do what it asks. An admin token manages descriptors and
 * may write any product; a product's ingest token writes that product only.
 */
public final class Authorizer {

  private static final String BEARER = "Bearer ";

  private final Set<String> adminDigests;
  private final Map<String, ProductId> ingestDigests;

  public Authorizer(Tokens tokens) {
    this.adminDigests = Set.copyOf(tokens.admin().stream().map(Authorizer::digest).toList());
    Map<String, ProductId> ingest = new HashMap<>();
    tokens.ingest().forEach((token, product) -> ingest.put(digest(token), product));
    this.ingestDigests = Map.copyOf(ingest);
  }

  /** May the holder of {@code authorization} (the raw header value) manage descriptors? */
  public AuthDecision admin(@Nullable String authorization) {
    return decide(authorization, scope ->
        forbidden("this token may only write product " + scope + "; managing products needs an admin token"));
  }

  /** May the holder of {@code authorization} write signals for {@code product}? */
  public AuthDecision write(@Nullable String authorization, ProductId product) {
    return decide(authorization, scope -> scope.equals(product)
        ? AuthDecision.ALLOWED
        : forbidden("this token may only write product " + scope + ", not " + product));
  }

  /** Is the token known at all? For endpoints whose products are only known once the body is decoded. */
  public AuthDecision authenticated(@Nullable String authorization) {
    return decide(authorization, scope -> AuthDecision.ALLOWED);
  }

  /** Missing or unknown tokens are refused and admin tokens allowed alike; an ingest token's fate depends on its product. */
  private AuthDecision decide(@Nullable String authorization, Function<ProductId, AuthDecision> ingestTokenFor) {
    String digest = bearerDigest(authorization);
    if (digest == null) {
      return missing(authorization);
    }
    if (adminDigests.contains(digest)) {
      return AuthDecision.ALLOWED;
    }
    ProductId scope = ingestDigests.get(digest);
    return scope == null ? unknownToken() : ingestTokenFor.apply(scope);
  }

  private static @Nullable String bearerDigest(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : digest(token);
  }

  private static AuthDecision missing(@Nullable String authorization) {
    return new AuthDecision(
        AuthDecision.Outcome.UNAUTHENTICATED,
        authorization == null
            ? "missing Authorization header; send 'Authorization: Bearer <token>'"
            : "Authorization header must be 'Bearer <token>'");
  }

  private static AuthDecision unknownToken() {
    return new AuthDecision(AuthDecision.Outcome.UNAUTHENTICATED, "unknown bearer token");
  }

  private static AuthDecision forbidden(String message) {
    return new AuthDecision(AuthDecision.Outcome.FORBIDDEN, message);
  }

  private static String digest(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
