/**
 * Learned baselines for SLOs that declare no threshold: {@link
 * io.meshwatch.collector.baseline.CadenceLearner} learns how often a product's data is updated (with
 * weekly seasonality where the product has regular silences, such as weekends) and says when an update
 * is overdue; {@link io.meshwatch.collector.baseline.VolumeLearner} learns a robust band of rows per
 * run and says when a run's volume is anomalous. Both are plain Java, take time only as arguments, keep
 * bounded memory and persist in a small versioned binary form. The reasoning is in {@code
 * docs/BASELINES.md}.
 */
@NullMarked
package io.meshwatch.collector.baseline;

import org.jspecify.annotations.NullMarked;
