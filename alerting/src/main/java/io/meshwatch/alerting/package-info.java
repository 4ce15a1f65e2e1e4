/**
 * Turns SLO status into alerts: evaluates the SRE workbook's multi-window multi-burn-rate conditions
 * (and SLO breaches) on each {@link io.meshwatch.model.ProductStatus}, runs every alert through an
 * explicit lifecycle (inactive, pending, firing, resolved, with keep-firing-for against flapping) and
 * reports each state change as an immutable {@link io.meshwatch.alerting.AlertTransition}. Notifiers
 * deliver {@link io.meshwatch.alerting.Notification}s and report a
 * {@link io.meshwatch.alerting.DeliveryResult} instead of throwing.
 */
@NullMarked
package io.meshwatch.alerting;

import org.jspecify.annotations.NullMarked;
