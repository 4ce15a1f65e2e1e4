/**
 * Grafana dashboards, Grafana provisioning files and Prometheus rules generated from data product
 * descriptors. The dashboards are built as a typed model ({@link io.meshwatch.dashboards.grafana});
 * the rules live in {@link io.meshwatch.dashboards.rules}.
 */
@NullMarked
package io.meshwatch.dashboards;

import org.jspecify.annotations.NullMarked;
