package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a snapshot that {@link EngineSnapshot} read (so already whole and valid) to the registered
 * products: products and SLOs present in both take their saved state, the rest of the snapshot is
 * skipped and reported. The swap itself cannot fail on the snapshot's content.
 */
final class SnapshotRestore {

  private SnapshotRestore() {}

  static RestoredState apply(Map<ProductId, ProductTrack> products, SliStore store,
      Map<ProductId, EngineSnapshot.SavedProduct> saved) {
    List<ProductId> skippedProducts = new ArrayList<>();
    List<String> skippedSlos = new ArrayList<>();
    Map<ProductTrack, EngineSnapshot.SavedProduct> matched = new LinkedHashMap<>();
    for (EngineSnapshot.SavedProduct product : saved.values()) {
      ProductTrack track = products.get(product.id());
      if (track == null) {
        skippedProducts.add(product.id());
        continue;
      }
      matched.put(track, product);
      Map<String, SloSpec> current = new HashMap<>();
      track.slos().forEach(slo -> current.put(slo.spec().name(), slo.spec()));
      for (EngineSnapshot.SavedSlo slo : product.slos().values()) {
        SloSpec spec = current.get(slo.name());
        if (spec == null || spec.kind() != slo.kind()) {
          skippedSlos.add(product.id() + "/" + slo.name());
        }
      }
    }
    int restoredSlos = 0;
    for (Map.Entry<ProductTrack, EngineSnapshot.SavedProduct> entry : matched.entrySet()) {
      restoredSlos += restore(entry.getKey(), entry.getValue(), store);
    }
    return new RestoredState(matched.size(), restoredSlos, skippedProducts, skippedSlos);
  }

  private static int restore(ProductTrack track, EngineSnapshot.SavedProduct saved, SliStore store) {
    int restored = 0;
    track.lock().lock();
    try {
      List<SloTrack> tracks = new ArrayList<>();
      for (SloTrack slo : track.slos()) {
        SloSpec spec = slo.spec();
        EngineSnapshot.SavedSlo savedSlo = saved.slos().get(spec.name());
        if (savedSlo == null || savedSlo.kind() != spec.kind()) {
          tracks.add(slo);
          continue;
        }
        // Resized to the registered window, as register() resizes an SLO whose window changed.
        SliSeries series = store.restore(track.id(), spec.name(), savedSlo.series(), spec.window().longest());
        VolumeLearner volume = !SloTrack.learnsVolume(spec) ? null
            : savedSlo.volume() != null ? savedSlo.volume() : new VolumeLearner();
        tracks.add(new SloTrack(spec, series, savedSlo.cursor(), volume));
        restored++;
      }
      track.slos(tracks);
      track.restore(saved.lastSeen(), saved.dataTime(), saved.freshnessSince(), saved.cadences());
    } finally {
      track.lock().unlock();
    }
    return restored;
  }
}
