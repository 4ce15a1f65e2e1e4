/**
 * Prometheus rule files generated from data product descriptors: a typed model of rule files
 * ({@link io.meshwatch.dashboards.rules.RuleFile} and its groups and rules) serialised to YAML with
 * Jackson, and {@link io.meshwatch.dashboards.rules.PrometheusRulesGenerator}, which writes per
 * domain the multi-window multi-burn-rate alerts, breach and silent-agent alerts and a few recording
 * rules over the collector's own gauges. Metric names come only from
 * {@link io.meshwatch.model.CollectorMetric}.
 */
@NullMarked
package io.meshwatch.dashboards.rules;

import org.jspecify.annotations.NullMarked;
