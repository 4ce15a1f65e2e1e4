/**
 * The meshwatch agent: the small library a data pipeline embeds to report how its data product
 * keeps its promises — freshness, quality checks, volume, consumer usage and pipeline runs — to a
 * meshwatch collector over OTLP/HTTP, using the names in {@link io.meshwatch.model.SignalContract}.
 * {@link io.meshwatch.agent.MeshAgent} is the entry point; {@link io.meshwatch.agent.BatchProfiler}
 * profiles a batch of rows so {@link io.meshwatch.agent.ProfileExpectations} can turn the profile
 * into quality checks.
 *
 * <p>Recording never blocks and never throws into the pipeline: bad input is dropped, counted and
 * logged (java.util.logging) at most once a minute per kind.
 */
@NullMarked
package io.meshwatch.agent;

import org.jspecify.annotations.NullMarked;
