/**
 * JMH benchmarks, each measuring a meshwatch hot path side by side with its peer in the same run:
 * the agent's recording calls against the raw OpenTelemetry SDK, and the batch profiler against
 * Commons Math's summary statistics. Results and the commands that reproduce them are in
 * {@code docs/BENCHMARKS.md}.
 */
@NullMarked
package io.meshwatch.bench;

import org.jspecify.annotations.NullMarked;
