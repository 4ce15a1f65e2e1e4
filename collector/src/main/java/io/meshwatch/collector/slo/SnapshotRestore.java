package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a snapshot that {@link EngineSnapshot} read to the registered products, one product at a
 * time: products and SLOs present in both take their saved state, the rest of the snapshot is
 * skipped and reported. A product whose saved state could not be read, or fails to apply, starts
 * empty as if just registered (counted in its {@link ProductFaults} and logged) while every other
 * product is restored: one product's saved state never stops a start. So does a registered product
 * the snapshot does not name where its state would lie in a part that cannot be read (a block whose
 * id is damaged, the rest of a version 1 snapshot after a product that cannot be read); a product
 * saved twice is restored from the copy that can be read, and not counted.
 */
final class SnapshotRestore {

  private static final System.Logger LOG = System.getLogger(SloEngine.class.getName());

  private SnapshotRestore() {}

  static RestoredState apply(Map<ProductId, ProductTrack> products, SliStore store, EngineSnapshot.Read read,
      Instant now) {
    List<ProductId> skippedProducts = new ArrayList<>();
    List<String> skippedSlos = new ArrayList<>();
    List<ProductId> failed = new ArrayList<>();
    Set<ProductId> named = new HashSet<>(read.products().keySet());
    for (EngineSnapshot.Unreadable unreadable : read.unreadable()) {
      named.add(unreadable.id());
      ProductTrack track = products.get(unreadable.id());
      if (read.products().containsKey(unreadable.id())) {
        LOG.log(System.Logger.Level.WARNING, "the snapshot holds the state of " + unreadable.id() + " twice; the copy"
            + " that can be read is restored, the other ignored: " + unreadable.why());
      } else if (track != null) {
        track.faults().restoreFailed("it cannot be read: " + unreadable.why());
        failed.add(track.id());
      } else {
        // Not registered: nothing of it would have been restored anyway.
        LOG.log(System.Logger.Level.WARNING, "could not read the saved state of " + unreadable.id()
            + ", no longer registered: " + unreadable.why());
      }
    }
    List<ProductTrack> byId = new ArrayList<>(products.values());
    byId.sort(Comparator.comparing(ProductTrack::id, SloEngine.BY_ID));
    for (EngineSnapshot.Gap gap : read.gaps()) {
      boolean held = false;
      for (ProductTrack track : byId) {
        if (!named.contains(track.id()) && gap.holds(track.id())) {
          track.faults().restoreFailed("its state may be in a part of the snapshot that cannot be read: " + gap.why());
          failed.add(track.id());
          named.add(track.id());
          held = true;
        }
      }
      if (!held) {
        LOG.log(System.Logger.Level.WARNING, "could not read part of the snapshot, where no registered product's state"
            + " would be: " + gap.why());
      }
    }
    Map<ProductTrack, EngineSnapshot.SavedProduct> matched = new LinkedHashMap<>();
    for (EngineSnapshot.SavedProduct product : read.products().values()) {
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
    int restoredProducts = 0;
    int restoredSlos = 0;
    for (Map.Entry<ProductTrack, EngineSnapshot.SavedProduct> entry : matched.entrySet()) {
      ProductTrack track = entry.getKey();
      try {
        restoredSlos += restore(track, entry.getValue(), store);
        restoredProducts++;
      } catch (RuntimeException e) {
        startEmpty(track, store, now);
        track.faults().restoreFailed("it cannot be applied: " + ProductEvaluator.describe(e));
        failed.add(track.id());
      }
    }
    return new RestoredState(restoredProducts, restoredSlos, skippedProducts, skippedSlos, failed);
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

  /** Puts {@code track} back as registration leaves a new product: every series empty, nothing heard yet. */
  private static void startEmpty(ProductTrack track, SliStore store, Instant now) {
    track.lock().lock();
    try {
      long minute = FreshnessMinutes.minuteOf(now);
      List<SloTrack> tracks = new ArrayList<>();
      for (SloTrack slo : track.slos()) {
        SloSpec spec = slo.spec();
        store.drop(track.id(), spec.name());
        tracks.add(new SloTrack(spec, store.open(track.id(), spec.name(), spec.window().longest()), minute));
      }
      track.slos(tracks);
      track.restore(null, null, null, Map.of());
      track.resetCadences();
    } finally {
      track.lock().unlock();
    }
  }
}
