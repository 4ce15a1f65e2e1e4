/**
 * Exposes SLO and product status, what products reported (as ingest accepted it), alerting and the
 * descriptors' problems as Micrometer meters, named by the model's CollectorMetric contract.
 */
@NullMarked
package io.meshwatch.collector.metrics;

import org.jspecify.annotations.NullMarked;
