package io.meshwatch.collector.http;

import io.meshwatch.collector.auth.Authorizer;
import io.meshwatch.collector.catalog.Catalog;
import io.meshwatch.collector.catalog.DescriptorStore;
import io.meshwatch.collector.ingest.JsonEventDecoder;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.metrics.IngestMetrics;
import io.meshwatch.collector.slo.SloEngine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

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
    long maxBodyBytes) {}
