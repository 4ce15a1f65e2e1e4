package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.model.ProductId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code tokens} section: {@code admin} is a list of tokens, {@code ingest} maps a product id
 * to its token and {@code domain} a domain to its token (either one token or a list, to rotate one
 * without downtime). A token used twice is an error naming both places, never the token itself.
 */
final class TokensReader {

  private static final List<String> FIELDS = List.of("admin", "ingest", "domain");

  private final YamlMap tokens;
  private final Map<String, String> placeOf = new HashMap<>();

  private TokensReader(YamlMap tokens) {
    this.tokens = tokens;
  }

  static @Nullable Tokens read(@Nullable YamlMap tokens) {
    return tokens == null ? null : new TokensReader(tokens.allowOnly(FIELDS)).read();
  }

  private @Nullable Tokens read() {
    Set<String> admin = new HashSet<>();
    List<Node> adminItems = tokens.list("admin");
    for (int i = 0; i < adminItems.size(); i++) {
      String token = token(tokens, adminItems.get(i), tokens.field("admin") + "[" + i + "]");
      if (token != null) {
        admin.add(token);
      }
    }
    Map<String, ProductId> ingest = new HashMap<>();
    YamlMap byProduct = tokens.map("ingest");
    if (byProduct != null) {
      for (String key : byProduct.keys()) {
        readScoped(byProduct, key, ProductId::parse, ingest);
      }
    }
    Map<String, String> domain = new HashMap<>();
    YamlMap byDomain = tokens.map("domain");
    if (byDomain != null) {
      for (String key : byDomain.keys()) {
        readScoped(byDomain, key, TokensReader::domain, domain);
      }
    }
    try {
      return new Tokens(admin, ingest, domain);
    } catch (IllegalArgumentException e) {
      tokens.problems().error(tokens.line(), tokens.path(), e.getMessage());
      return null;
    }
  }

  /** The token (or list of tokens) under {@code key}, a product id or a domain as {@code parseScope} reads it. */
  private <S> void readScoped(YamlMap byScope, String key, Function<String, S> parseScope, Map<String, S> tokensOf) {
    String field = byScope.field(key);
    S scope;
    try {
      scope = parseScope.apply(key);
    } catch (IllegalArgumentException e) {
      tokens.problems().error(byScope.line(key), field, e.getMessage());
      return;
    }
    Node value = byScope.node(key);
    if (value == null) {
      return;
    }
    List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
    for (int i = 0; i < items.size(); i++) {
      String token = token(byScope, items.get(i), value instanceof SequenceNode ? field + "[" + i + "]" : field);
      if (token != null) {
        tokensOf.put(token, scope);
      }
    }
  }

  private static String domain(String text) {
    if (!Tokens.DOMAIN.matcher(text).matches()) {
      throw new IllegalArgumentException("a domain must match " + Tokens.DOMAIN.pattern() + " (as in product ids), got '" + text + "'");
    }
    return text;
  }

  /** The token at {@code node}, {@code field} below {@code owner}. */
  private @Nullable String token(YamlMap owner, Node node, String field) {
    String token = owner.value(node, field, "a token", Function.identity());
    if (token == null) {
      return null;
    }
    if (token.isBlank()) {
      tokens.problems().error(node, field, "must not be blank");
      return null;
    }
    String place = field + " (line " + Problems.line(node) + ")";
    String first = placeOf.putIfAbsent(token, place);
    if (first != null) {
      tokens.problems().error(node, field, "the same token is already used by " + first + "; every token must be unique");
      return null;
    }
    return token;
  }
}
