/**
 * The SLO engine: {@link io.meshwatch.collector.slo.SloEngine} classifies every decoded signal into
 * good and total events of the SLOs it feeds, accounts freshness minute by minute (each minute by the
 * state that held during it, so results do not depend on the evaluation cadence), tracks whether
 * each product's agent is reporting, and at every evaluation turns the counts of an
 * {@link io.meshwatch.collector.store.SliStore} into compliance, error budget left, burn rates, burn
 * alerts and budget forecasts per SLO, over rolling or calendar windows less their exclusions, with
 * honest {@code no_data} and {@code insufficient_history} states; {@link io.meshwatch.collector.slo.SloHistory}
 * serves the same numbers per bucket for charts. Freshness and volume SLOs without a threshold are
 * judged by learned baselines ({@code io.meshwatch.collector.baseline}). The engine's whole state
 * can be written and read back exactly ({@link io.meshwatch.collector.slo.SloEngine#writeState}).
 * Plain Java, driven by an injected clock, so it is tested without a server or real time.
 */
@NullMarked
package io.meshwatch.collector.slo;

import org.jspecify.annotations.NullMarked;
