/**
 * Exposes SLO and product status as Micrometer meters, named by the model's CollectorMetric contract.
 */
@NullMarked
package io.meshwatch.collector.metrics;

import org.jspecify.annotations.NullMarked;
