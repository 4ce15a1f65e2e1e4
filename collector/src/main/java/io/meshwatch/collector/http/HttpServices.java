package io.meshwatch.collector.http;

import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.auth.Authorizer;
import io.meshwatch.collector.catalog.Catalog;
import io.meshwatch.collector.catalog.DescriptorStore;
import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.JsonEventDecoder;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.metrics.IngestMetrics;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.Signal;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/** What the HTTP layer works with; built once by the collector's wiring. */
public record HttpServices(
    Catalog catalog,
    DescriptorStore descriptorStore,
    SloEngine engine,
    OtlpMetricsDecoder otlp,
    JsonEventDecoder events,
    Authorizer authorizer,
    IngestMetrics ingestMetrics,
    PrometheusMeterRegistry registry,
    long maxBodyBytes) {

  /** Counts a refused write by why it was refused. */
  void countRefusal(AuthDecision decision) {
    ingestMetrics.rejected(decision.outcome() == AuthDecision.Outcome.FORBIDDEN
        ? RejectReason.FORBIDDEN : RejectReason.UNAUTHENTICATED, 1);
  }

  /** Counts each point or event a decoder rejected, by reason. */
  void countRejections(DecodeResult result) {
    result.rejections().forEach(rejection -> ingestMetrics.rejected(rejection.reason(), 1));
  }

  /** Hands accepted signals to the SLO engine and counts them under {@code transport}. */
  void accept(String transport, List<Signal> signals) {
    signals.forEach(engine::record);
    ingestMetrics.accepted(transport, signals.size());
  }
}
