/**
 * The collector's HTTP edge under hostile load: {@link io.meshwatch.bench.edge.HealthUnderBombs}
 * measures {@code GET /health} while gzip bombs are in flight, against collector jars of two commits.
 * {@link io.meshwatch.bench.edge.IngestLatency} measures what the edge costs one small write. Figures
 * and commands are in {@code docs/BENCHMARKS.md}, section 5.
 */
@NullMarked
package io.meshwatch.bench.edge;

import org.jspecify.annotations.NullMarked;
