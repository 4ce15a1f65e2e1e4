package io.meshwatch.collector.openslo;

import io.meshwatch.model.Threshold;
import org.jspecify.annotations.Nullable;

/** One OpenSLO objective in meshwatch's terms: the SLO's name, its objective in percent, its threshold. */
record Objective(String name, double percent, @Nullable Threshold threshold) {}
