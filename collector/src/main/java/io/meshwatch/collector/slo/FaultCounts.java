package io.meshwatch.collector.slo;

import io.meshwatch.model.ProductId;

/**
 * What went wrong with one product in the engine since it was registered (counts only grow):
 *
 * @param failedEvaluations evaluations that failed in part (some SLO shows state error) or whole
 * @param droppedSignals signals the engine could not count, live or replayed from the journal, in
 *     part or whole: they failed to apply, or were older than an SLO keeps
 * @param failedRestores times the product's saved state could not be read or applied at start, so
 *     that it started empty (its journaled signals since the snapshot were still applied)
 */
public record FaultCounts(ProductId product, long failedEvaluations, long droppedSignals, long failedRestores) {}
