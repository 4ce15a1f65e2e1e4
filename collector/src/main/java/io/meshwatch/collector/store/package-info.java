/**
 * Where the SLO engine keeps its SLI counts: per product and SLO, good and total events over time
 * ({@link io.meshwatch.collector.store.SliSeries}), opened through a
 * {@link io.meshwatch.collector.store.SliStore}. The in-memory store downsamples: minute buckets for
 * the last six hours, five-minute buckets for the last three days and hourly buckets for the rest of
 * a longer SLO window, so a 30-day SLO costs about 16 KB and a quarter about 28 KB. It answers the
 * windows asked every evaluation from running sums, and writes and reads a versioned binary snapshot,
 * of the whole store or of one series (for the SLO engine's own snapshot).
 * Another store can replace it behind the same interfaces and their contract test.
 */
@NullMarked
package io.meshwatch.collector.store;

import org.jspecify.annotations.NullMarked;
