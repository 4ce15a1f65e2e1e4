package io.meshwatch.model;

import java.util.regex.Pattern;

/**
 * The id of a data product: {@code domain.name}, both parts lower-case letters, digits, {@code -} or
 * {@code _}, starting with a letter.
 *
 * <pre>{@code
 * ProductId id = ProductId.parse("sales.orders");
 * id.domain(); // "sales"
 * }</pre>
 */
public record ProductId(String domain, String name) {

  private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  public ProductId {
    requirePart("domain", domain);
    requirePart("name", name);
  }

  /**
   * Parses {@code domain.name}.
   *
   * @throws IllegalArgumentException naming the bad value when it is not of that form
   */
  public static ProductId parse(String value) {
    int dot = value.indexOf('.');
    if (dot < 0 || dot != value.lastIndexOf('.')) {
      throw new IllegalArgumentException(
          "product id must be 'domain.name' (one dot), got '" + value + "'");
    }
    return new ProductId(value.substring(0, dot), value.substring(dot + 1));
  }

  /** Whether {@code value} is a well-formed product id. */
  public static boolean isValid(String value) {
    try {
      parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void requirePart(String field, String value) {
    if (value == null || !PART.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "product id " + field + " must match " + PART.pattern() + ", got '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return domain + "." + name;
  }
}
