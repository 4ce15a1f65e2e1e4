/**
 * Builds meshwatch's Grafana dashboards from data product descriptors: the mesh overview, one
 * dashboard per domain and one per product. Queries are built from {@code CollectorMetric} (never a
 * spelled metric name) and written so that every one returns data for a product that reports its
 * signals: series that may not exist (a failed outcome of a healthy product) are only ever used with
 * a fallback of the same labels. {@link io.meshwatch.dashboards.board.Layout} places panels on
 * Grafana's 24-column grid; the public entry point is {@code io.meshwatch.dashboards.DashboardGenerator}.
 */
@NullMarked
package io.meshwatch.dashboards.board;

import org.jspecify.annotations.NullMarked;
