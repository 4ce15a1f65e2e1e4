/**
 * The SLO engine: {@link io.meshwatch.collector.slo.SloEngine} classifies every decoded signal into
 * good and total events of the SLOs it feeds, accounts freshness minute by minute, tracks whether
 * each product's agent is reporting, and at every evaluation turns the counts of an
 * {@link io.meshwatch.collector.store.SliStore} into compliance, error budget left and burn rates
 * per SLO. Plain Java, driven by an injected clock, so it is tested without a server or real time.
 */
@NullMarked
package io.meshwatch.collector.slo;

import org.jspecify.annotations.NullMarked;
