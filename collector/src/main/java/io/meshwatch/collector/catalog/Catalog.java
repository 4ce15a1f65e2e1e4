package io.meshwatch.collector.catalog;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The products the collector knows. Thread-safe; listeners hear of every registration. */
public final class Catalog {

  private final ConcurrentMap<ProductId, DataProduct> products = new ConcurrentHashMap<>();
  private final List<Consumer<DataProduct>> listeners = new CopyOnWriteArrayList<>();

  /** Calls {@code listener} with every product registered from now on. */
  public void onRegister(Consumer<DataProduct> listener) {
    listeners.add(listener);
  }

  /**
   * Adds or replaces a product.
   *
   * @return whether the product is new
   */
  public boolean register(DataProduct product) {
    boolean created = products.put(product.id(), product) == null;
    listeners.forEach(listener -> listener.accept(product));
    return created;
  }

  public Optional<DataProduct> find(ProductId id) {
    return Optional.ofNullable(products.get(id));
  }

  public boolean contains(ProductId id) {
    return products.containsKey(id);
  }

  /** Every product, sorted by id. */
  public List<DataProduct> all() {
    return products.values().stream().sorted(Comparator.comparing(p -> p.id().toString())).toList();
  }

  public int size() {
    return products.size();
  }
}
