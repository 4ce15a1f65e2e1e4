package io.meshwatch.collector.openslo;

import io.meshwatch.model.SliKind;
import io.meshwatch.model.Threshold;
import org.jspecify.annotations.Nullable;

/**
 * What an OpenSLO SLI measures in meshwatch's terms: an SLI kind, whether it was written as a
 * {@code thresholdMetric} (the threshold then comes from the SLO's objective), and a volume's row band.
 */
record Indicator(SliKind kind, boolean thresholdMetric, Threshold.@Nullable RowBand band) {}
