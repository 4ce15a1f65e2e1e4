/**
 * Uploads generated dashboards through Grafana's HTTP API ({@code /api/health}, {@code /api/folders},
 * {@code /api/dashboards}) with a service-account token: one folder per domain, dashboards saved by
 * their stable uid with {@code overwrite}, so pushing again updates rather than duplicates, and a
 * dashboard Grafana already holds unchanged is not saved again (no new version in its history).
 * Problems that stop every upload (unreachable, refused token, Grafana too old) throw
 * {@link io.meshwatch.dashboards.push.GrafanaPushException}; a dashboard Grafana rejects is a failed
 * {@link io.meshwatch.dashboards.push.DashboardResult} and the others still go up.
 */
@NullMarked
package io.meshwatch.dashboards.push;

import org.jspecify.annotations.NullMarked;
