/**
 * Where the SLO engine keeps its SLI counts: per product and SLO, good and total events over time
 * ({@link io.meshwatch.collector.store.SliSeries}), opened through a
 * {@link io.meshwatch.collector.store.SliStore}. The in-memory store keeps minute buckets for the
 * last three days (the longest burn window) and hourly buckets for the rest of a longer SLO window,
 * and answers the windows asked every evaluation from running sums; a persistent or downsampled
 * store can replace it behind the same interfaces and their contract test.
 */
@NullMarked
package io.meshwatch.collector.store;

import org.jspecify.annotations.NullMarked;
