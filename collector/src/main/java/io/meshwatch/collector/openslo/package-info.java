/**
 * Reads OpenSLO v1 documents ({@code apiVersion: openslo/v1}) into SLOs of meshwatch's data products.
 * {@code Service}, {@code SLO}, {@code SLI}, {@code AlertPolicy} and {@code AlertCondition} map onto
 * {@link io.meshwatch.model.SloSpec} and {@link io.meshwatch.model.BurnCondition}; anything meshwatch
 * cannot evaluate (another metric source, an unknown product, a budgeting method or window it does
 * not measure) is an error with its file, line and field, and a set of documents with any error adds
 * no SLO at all. The mapping is written down in {@code docs/OPENSLO.md}.
 */
@NullMarked
package io.meshwatch.collector.openslo;

import org.jspecify.annotations.NullMarked;
