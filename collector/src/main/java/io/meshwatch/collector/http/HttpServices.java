package io.meshwatch.collector.http;

import io.meshwatch.alerting.Alerting;
import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.auth.Authorizer;
import io.meshwatch.collector.auth.RateBudgets;
import io.meshwatch.collector.catalog.Catalog;
import io.meshwatch.collector.catalog.DescriptorStore;
import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.health.JournalWritable;
import io.meshwatch.collector.health.Readiness;
import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.JsonEventDecoder;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.metrics.IngestMetrics;
import io.meshwatch.collector.metrics.SignalMetrics;
import io.meshwatch.collector.persist.DurableSignals;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.Signal;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import io.meshwatch.model.ProductId;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the HTTP layer works with; built once by the collector's wiring. */
public record HttpServices(
    Catalog catalog,
    DescriptorStore descriptorStore,
    SloEngine engine,
    DurableSignals signals,
    Alerting alerting,
    OtlpMetricsDecoder otlp,
    JsonEventDecoder events,
    Authorizer authorizer,
    RateBudgets rateBudgets,
    IngestMetrics ingestMetrics,
    SignalMetrics signalMetrics,
    PrometheusMeterRegistry registry,
    long maxBodyBytes,
    ServerConfig server,
    Readiness readiness,
    JournalWritable journal,
    InstantSource clock) {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServices.class);

  /** Counts a refused write by why it was refused. */
  void countRefusal(AuthDecision decision) {
    ingestMetrics.rejected(decision.outcome() == AuthDecision.Outcome.FORBIDDEN
        ? RejectReason.FORBIDDEN : RejectReason.UNAUTHENTICATED, 1);
  }

  /**
   * Takes one request from the budget of each of {@code products} the catalog knows.
   *
   * @return the 429 to answer when one of them is over its budget (counted as rate_limited)
   */
  Optional<Refusal> overProductBudget(Collection<ProductId> products) {
    List<ProductId> known = products.stream().filter(catalog::contains).toList();
    return rateBudgets.takeForProducts(known).map(this::rateLimited);
  }

  /** The 429 for a token over its budget, if it is (counted as rate_limited); unknown tokens have none. */
  Optional<Refusal> overTokenBudget(@Nullable String authorization) {
    return authorizer.tokenKey(authorization).flatMap(rateBudgets::takeForToken).map(this::rateLimited);
  }

  private Refusal rateLimited(RateBudgets.OverBudget over) {
    ingestMetrics.rejected(RejectReason.RATE_LIMITED, 1);
    return Refusal.overBudget(over.message(), over.retryAfter());
  }

  /** The 503 for a write the journal could not take. */
  Refusal cannotStore(String what) {
    return Refusal.unavailable("the collector could not store " + what + "; retry later", server.retryAfter());
  }

  /** Counts each point or event a decoder rejected, by reason. */
  void countRejections(DecodeResult result) {
    result.rejections().forEach(rejection -> ingestMetrics.rejected(rejection.reason(), 1));
  }

  /**
   * Makes accepted signals durable, hands them to the SLO engine, counts them under
   * {@code transport} and publishes what they report.
   *
   * @return false if they could not be journaled (logged and counted as storage_failed): answer 503
   */
  boolean accept(String transport, List<Signal> signals) {
    try {
      this.signals.accept(signals);
    } catch (IOException e) {
      LOG.error("could not journal {} signals; refused with 503", signals.size(), e);
      ingestMetrics.rejected(RejectReason.STORAGE_FAILED, signals.size());
      journal.appendFailed(e);
      return false;
    }
    journal.appended();
    ingestMetrics.accepted(transport, signals.size());
    signalMetrics.accepted(signals);
    return true;
  }
}
