/**
 * Prometheus rule files generated from data product descriptors that alert as the collector's own
 * evaluation does: a typed model of rule files ({@link io.meshwatch.dashboards.rules.RuleFile} and
 * its groups and rules) serialised to YAML with Jackson, and
 * {@link io.meshwatch.dashboards.rules.PrometheusRulesGenerator}, which writes per domain the
 * recording rules ({@link io.meshwatch.dashboards.rules.RecordedMetric}: per SLO
 * {@code slo:sli:ratio}, {@code slo:compliance:ratio}, {@code slo:objective:ratio},
 * {@code slo:error_budget_remaining:ratio}, {@code slo:burn_rate:ratio{window}} and
 * {@code slo:burn_threshold:ratio{condition}}; per product and domain the overview's aggregates) and
 * per SLO a page and a ticket alert over the SLO's own burn conditions (both windows above
 * {@code condition.burnRate(window length)}, a constant for a rolling window, recorded from the
 * current period's length for a calendar one), the breach alert, and per product the silent-agent
 * alert. SLO alerts neither fire nor resolve while the SLO has no data. Metric names come only from
 * {@link io.meshwatch.model.CollectorMetric}.
 */
@NullMarked
package io.meshwatch.dashboards.rules;

import org.jspecify.annotations.NullMarked;
