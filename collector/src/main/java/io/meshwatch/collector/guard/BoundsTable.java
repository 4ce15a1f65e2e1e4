package io.meshwatch.collector.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bounds of one transport, every field it decodes with its entry, in the order its docs page
 * lists them. Asking for a field that has no entry is a programming error: a field decoded without
 * a bound.
 */
public final class BoundsTable {

  private final String transport;
  private final Map<String, Field<?>> fields = new LinkedHashMap<>();

  public BoundsTable(String transport, List<Field<?>> fields) {
    this.transport = transport;
    for (Field<?> field : fields) {
      if (this.fields.putIfAbsent(field.name(), field) != null) {
        throw new IllegalArgumentException(transport + " bounds list " + field.name() + " twice");
      }
    }
  }

  public String transport() {
    return transport;
  }

  public List<Field<?>> fields() {
    return List.copyOf(fields.values());
  }

  public List<String> names() {
    return List.copyOf(fields.keySet());
  }

  public Optional<Field<?>> find(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * The entry of {@code name}.
   *
   * @throws IllegalStateException when it has none: the field is decoded without a bound
   */
  public Field<?> get(String name) {
    Field<?> field = fields.get(name);
    if (field == null) {
      throw new IllegalStateException(transport + " decodes field '" + name + "', which has no entry in its bounds table");
    }
    return field;
  }

  /** The bound of {@code name}, which must be of {@code type}. */
  public <B extends Bound> B bound(String name, Class<B> type) {
    Bound bound = get(name).bound();
    if (!type.isInstance(bound)) {
      throw new IllegalStateException(transport + " field '" + name + "' is bounded as " + bound.getClass().getSimpleName()
          + ", read as " + type.getSimpleName());
    }
    return type.cast(bound);
  }

  /** The rows of the docs page's bounds table: {@code | `name` | bound |}, one per field. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    fields.values().forEach(f -> out.append("| `").append(f.name()).append("` | ").append(f.bound().describe()).append(" |\n"));
    return out.toString();
  }
}
