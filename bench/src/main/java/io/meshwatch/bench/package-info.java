/**
 * JMH benchmarks, each measuring a meshwatch hot path side by side with its peer in the same run:
 * the agent's recording calls against the raw OpenTelemetry SDK, the batch profiler against
 * Commons Math's summary statistics, and the collector's SLO engine (evaluation tick, heap per SLO,
 * ingest into the journal, restart) against a naive per-minute store, the engine alone and journal
 * replay. Results and the commands that reproduce them are in
 * {@code docs/BENCHMARKS.md}.
 */
@NullMarked
package io.meshwatch.bench;

import org.jspecify.annotations.NullMarked;
