package io.meshwatch.collector.auth;

import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a request's bearer token may do what it asks. An admin token manages descriptors,
 * may write any product and manage any alert; a product's ingest token writes that product only; a
 * domain's token manages (silences, acknowledges) the alerts of that domain's products only. Every
 * known token may read.
 */
public final class Authorizer {

  private static final String BEARER = "Bearer ";

  private final Set<String> adminDigests;
  private final Map<String, ProductId> ingestDigests;
  private final Map<String, String> domainDigests;

  public Authorizer(Tokens tokens) {
    this.adminDigests = Set.copyOf(tokens.admin().stream().map(Authorizer::digest).toList());
    Map<String, ProductId> ingest = new HashMap<>();
    tokens.ingest().forEach((token, product) -> ingest.put(digest(token), product));
    this.ingestDigests = Map.copyOf(ingest);
    Map<String, String> domains = new HashMap<>();
    tokens.domain().forEach((token, domain) -> domains.put(digest(token), domain));
    this.domainDigests = Map.copyOf(domains);
  }

  /** May the holder of {@code authorization} (the raw header value) manage descriptors? */
  public AuthDecision admin(@Nullable String authorization) {
    return decide(authorization, AuthDecision.ALLOWED,
        scope -> forbidden("this token may only write product " + scope + "; managing products needs an admin token"),
        domain -> forbidden("this token may only manage alerts of domain " + domain
            + "; managing products needs an admin token"));
  }

  /** May the holder of {@code authorization} write signals for {@code product}? */
  public AuthDecision write(@Nullable String authorization, ProductId product) {
    return decide(authorization, AuthDecision.ALLOWED,
        scope -> scope.equals(product)
            ? AuthDecision.ALLOWED
            : forbidden("this token may only write product " + scope + ", not " + product),
        domain -> forbidden("this token may only manage alerts of domain " + domain
            + "; writing signals for " + product + " needs that product's ingest token"));
  }

  /** Is the token known at all? For reading, and for endpoints whose products are only known once the body is decoded. */
  public AuthDecision authenticated(@Nullable String authorization) {
    return decide(authorization, AuthDecision.ALLOWED, scope -> AuthDecision.ALLOWED, domain -> AuthDecision.ALLOWED);
  }

  /**
   * May the holder of {@code authorization} silence and acknowledge alerts of {@code domain}'s
   * products? Admin tokens may for every domain, a domain token for its own domain only, ingest
   * tokens never.
   */
  public AuthDecision manageAlerts(@Nullable String authorization, String domain) {
    return decide(authorization, AuthDecision.ALLOWED, scope -> ingestCannotManageAlerts(),
        own -> own.equals(domain)
            ? AuthDecision.ALLOWED
            : forbidden("this token may only manage alerts of domain " + own + ", not " + domain));
  }

  /**
   * May the holder of {@code authorization} manage alerts across domains, e.g. a silence whose
   * matchers do not pin one domain? Admin tokens only.
   */
  public AuthDecision manageAllAlerts(@Nullable String authorization) {
    return decide(authorization, AuthDecision.ALLOWED, scope -> ingestCannotManageAlerts(),
        own -> forbidden("this token may only manage alerts of domain " + own
            + "; alerts of every domain need an admin token"));
  }

  /**
   * The domain of a domain token; empty for admin, ingest, unknown and missing tokens. An API tells
   * a domain token from an admin by it, to keep what the token creates (a silence) inside its domain.
   */
  public Optional<String> domainOf(@Nullable String authorization) {
    String digest = bearerDigest(authorization);
    return digest == null ? Optional.empty() : Optional.ofNullable(domainDigests.get(digest));
  }

  /**
   * A key naming the known token of {@code authorization}, for its rate budget: the token's SHA-256
   * digest, never the token; empty for missing and unknown tokens.
   */
  public Optional<String> tokenKey(@Nullable String authorization) {
    String digest = bearerDigest(authorization);
    boolean known = digest != null
        && (adminDigests.contains(digest) || ingestDigests.containsKey(digest) || domainDigests.containsKey(digest));
    return known ? Optional.of(digest) : Optional.empty();
  }

  /** Missing or unknown tokens are refused alike; a known token's fate depends on its kind and scope. */
  private AuthDecision decide(@Nullable String authorization, AuthDecision forAdmin,
      Function<ProductId, AuthDecision> forIngest, Function<String, AuthDecision> forDomain) {
    String digest = bearerDigest(authorization);
    if (digest == null) {
      return missing(authorization);
    }
    if (adminDigests.contains(digest)) {
      return forAdmin;
    }
    ProductId product = ingestDigests.get(digest);
    if (product != null) {
      return forIngest.apply(product);
    }
    String domain = domainDigests.get(digest);
    return domain == null ? unknownToken() : forDomain.apply(domain);
  }

  private static AuthDecision ingestCannotManageAlerts() {
    return forbidden("ingest tokens cannot manage alerts; use the domain's token or an admin token");
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
