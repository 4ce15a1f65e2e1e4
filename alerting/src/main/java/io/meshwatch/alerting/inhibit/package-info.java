/**
 * Lineage-aware inhibition: when a product's data is stale or bad, every product downstream of it
 * (descriptors' {@code upstream}) goes stale or bad too, and its owners cannot fix it. So a firing
 * freshness or quality alert on an upstream product inhibits alerts of the same kind downstream,
 * and each inhibited alert names its root cause — the upstream whose own alert is not inhibited —
 * so the root's owners get the page and downstream owners at most a notice saying "caused by
 * upstream X".
 */
@NullMarked
package io.meshwatch.alerting.inhibit;

import org.jspecify.annotations.NullMarked;
