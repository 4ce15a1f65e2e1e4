/**
 * The meshwatch collector: {@link io.meshwatch.collector.MeshwatchCollector} starts the whole server
 * (OTLP and JSON ingest, product catalog, SLO evaluation, Prometheus {@code /metrics}) from a
 * {@link io.meshwatch.collector.config.CollectorConfig}.
 */
@NullMarked
package io.meshwatch.collector;

import org.jspecify.annotations.NullMarked;
