package io.meshwatch.alerting.inhibit;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides which alerts an upstream product's alert inhibits. An alert (pending or firing) on product
 * P whose {@code sli} label is {@code freshness} or {@code quality} is inhibited when a transitive
 * upstream of P has a firing alert of the same kind. Its causes are the root-most such upstreams:
 * those whose own alert of that kind is not inhibited. In a chain root → mid → leaf that all went
 * stale, mid and leaf are inhibited, both naming root.
 *
 * <p>Products in one lineage cycle do not inhibit each other (else all of them would be muted and
 * nobody paged); a cycle is inhibited only by firing products upstream of the whole cycle. Each
 * call walks every product's upstream closure once, so it costs about alerts × lineage depth.
 *
 * <pre>{@code
 * LineageInhibitor inhibitor = new LineageInhibitor(id -> catalog.get(id).map(DataProduct::upstream).orElse(List.of()));
 * Map<String, Inhibition> inhibited = inhibitor.inhibitions(alerts);
 * }</pre>
 */
public final class LineageInhibitor {
  /** Annotation naming the root cause of an inhibited alert (the lead moves it to AlertLabels later). */

  /** The SLI kinds whose trouble flows downstream with the data. */
  public static final Set<String> INHIBITING_KINDS = Set.of(SliKind.FRESHNESS.label(), SliKind.QUALITY.label());

  private final Function<ProductId, List<ProductId>> upstreamOf;

  /** @param upstreamOf each product's direct upstreams, e.g. from its descriptor; empty for unknown products */
  public LineageInhibitor(Function<ProductId, List<ProductId>> upstreamOf) {
    this.upstreamOf = upstreamOf;
  }

  /** The inhibited alerts among {@code alerts}, by fingerprint, with their causes. */
  public Map<String, Inhibition> inhibitions(Collection<Alert> alerts) {
    Map<String, Set<ProductId>> firingByKind = new HashMap<>();
    for (Alert alert : alerts) {
      String kind = kind(alert);
      if (kind != null && alert.state() == AlertState.FIRING) {
        firingByKind.computeIfAbsent(kind, k -> new HashSet<>()).add(alert.product());
      }
    }
    if (firingByKind.isEmpty()) {
      return Map.of();
    }
    Run run = new Run();
    Map<String, Inhibition> out = new TreeMap<>();
    for (Alert alert : alerts) {
      String kind = kind(alert);
      Set<ProductId> firing = kind == null ? null : firingByKind.get(kind);
      if (firing != null && (alert.state() == AlertState.PENDING || alert.state() == AlertState.FIRING)) {
        Inhibition inhibition = run.inhibition(alert.product(), kind, firing);
        if (inhibition != null) {
          out.put(alert.fingerprint(), inhibition);
        }
      }
    }
    return out;
  }

  /**
   * A copy of {@code alert} that says what inhibits it: annotation {@value AlertLabels#INHIBITED_BY} set to the
   * root cause, and the summary ending in {@code (caused by upstream <root>)}. Annotating twice
   * does not repeat the suffix.
   */
  public static Alert annotate(Alert alert, Inhibition inhibition) {
    Map<String, String> annotations = new TreeMap<>(alert.annotations());
    String suffix = "(caused by upstream " + inhibition.rootCause() + ")";
    String summary = annotations.get(AlertLabels.SUMMARY);
    if (summary == null || summary.isEmpty()) {
      annotations.put(AlertLabels.SUMMARY, alert.product() + ": " + suffix.substring(1, suffix.length() - 1));
    } else if (!summary.endsWith(suffix)) {
      annotations.put(AlertLabels.SUMMARY, summary + " " + suffix);
    }
    annotations.put(AlertLabels.INHIBITED_BY, inhibition.rootCause().toString());
    return new Alert(alert.fingerprint(), alert.product(), alert.slo(), alert.condition(), alert.state(),
        alert.labels(), annotations, alert.activeAt(), alert.startsAt(), alert.endsAt());
  }

  private static @Nullable String kind(Alert alert) {
    String kind = alert.labels().get(AlertLabels.SLI);
    return kind != null && INHIBITING_KINDS.contains(kind) ? kind : null;
  }

  /** Memos for one call: upstream closures and who is a root cause, so each is computed once. */
  private final class Run {
    private final Map<ProductId, Set<ProductId>> closures = new HashMap<>();
    private final Map<String, Map<ProductId, Boolean>> inhibitedByKind = new HashMap<>();

    @Nullable Inhibition inhibition(ProductId product, String kind, Set<ProductId> firing) {
      List<ProductId> causes = new ArrayList<>(1);
      for (ProductId upstream : strictFiringUpstreams(product, firing)) {
        if (!inhibited(upstream, kind, firing)) {
          causes.add(upstream);
        }
      }
      return causes.isEmpty() ? null : new Inhibition(causes.get(0), causes);
    }

    private boolean inhibited(ProductId product, String kind, Set<ProductId> firing) {
      return inhibitedByKind.computeIfAbsent(kind, k -> new HashMap<>())
          .computeIfAbsent(product, p -> !strictFiringUpstreams(p, firing).isEmpty());
    }

    /** Firing upstreams of {@code product}, nearest first, leaving out those in a cycle with it. */
    private List<ProductId> strictFiringUpstreams(ProductId product, Set<ProductId> firing) {
      List<ProductId> out = new ArrayList<>(0);
      for (ProductId upstream : closure(product)) {
        if (firing.contains(upstream) && !closure(upstream).contains(product)) {
          out.add(upstream);
        }
      }
      return out;
    }

    /** Every transitive upstream, breadth first; visited products are not walked again, so cycles end. */
    private Set<ProductId> closure(ProductId product) {
      Set<ProductId> known = closures.get(product);
      if (known != null) {
        return known;
      }
      Set<ProductId> seen = new LinkedHashSet<>();
      ArrayDeque<ProductId> queue = new ArrayDeque<>(direct(product));
      while (!queue.isEmpty()) {
        ProductId next = queue.poll();
        if (seen.add(next)) {
          queue.addAll(direct(next));
        }
      }
      closures.put(product, seen);
      return seen;
    }

    private List<ProductId> direct(ProductId product) {
      List<ProductId> upstream = upstreamOf.apply(product);
      return upstream == null ? List.of() : upstream;
    }
  }
}
