/**
 * meshwatch's alerting pipeline side by side with Prometheus Alertmanager 0.25 (Debian's package):
 * both run as their own process, take the same alerts over Alertmanager's API v2, route them through
 * the same route tree ({@link io.meshwatch.bench.alerting.BenchRoutes}) and post Alertmanager webhook
 * JSON to the same loopback sink ({@link io.meshwatch.bench.alerting.WebhookSink}). The harness
 * ({@link io.meshwatch.bench.alerting.AlertingVsAlertmanager}) measures each server's CPU from
 * {@code /proc} and each alert's delay from post to webhook. Figures and commands are in
 * {@code docs/BENCHMARKS.md}, section 4.
 */
@NullMarked
package io.meshwatch.bench.alerting;

import org.jspecify.annotations.NullMarked;
