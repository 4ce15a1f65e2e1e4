/**
 * The shared vocabulary of meshwatch: data products and their SLOs, the signals agents report, the
 * status the SLO engine computes, and the one definition of every metric and attribute name
 * ({@link SignalContract} for what agents send, {@link CollectorMetric} for what the collector
 * exposes to Prometheus).
 *
 * <p>Every transport (OTLP, JSON events, later OpenLineage) is decoded into these records before
 * anything else sees it.
 */
@NullMarked
package io.meshwatch.model;

import org.jspecify.annotations.NullMarked;
