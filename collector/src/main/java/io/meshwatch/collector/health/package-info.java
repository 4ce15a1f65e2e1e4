/**
 * Readiness: whether the collector can do its job now (store what it acknowledges, take more load),
 * as named verdicts with reasons from pluggable {@link io.meshwatch.collector.health.ReadinessCheck}s,
 * served on {@code GET /ready}. Liveness ({@code GET /health}) needs none of this.
 */
@NullMarked
package io.meshwatch.collector.health;

import org.jspecify.annotations.NullMarked;
