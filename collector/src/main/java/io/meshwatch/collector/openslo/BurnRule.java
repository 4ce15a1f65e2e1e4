package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.model.Severity;
import java.time.Duration;

/**
 * An OpenSLO burn-rate condition as written: fire when the error budget burns faster than
 * {@code rate} over {@code lookback} (and over {@code shortWindow}). It becomes a
 * {@link io.meshwatch.model.BurnCondition} once the SLO window it applies to is known; {@code problems},
 * {@code line} and {@code field} say where to report what does not fit that window.
 */
record BurnRule(Severity severity, double rate, Duration lookback, Duration shortWindow,
    Problems problems, int line, String field) {}
