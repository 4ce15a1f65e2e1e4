/**
 * Grouping and noise control between routing and the outbox, as Alertmanager's dispatcher does it:
 * alerts are gathered into groups per route, receiver and group labels, held for group_wait, sent
 * again only when something changed (dedup) or repeat_interval passed, kept quiet while silenced or
 * inhibited, and always resolved where they were notified as firing. Acknowledgements stop repeats.
 * The whole state can be written and read back so a restart sends nothing twice.
 */
@NullMarked
package io.meshwatch.alerting.dispatch;

import org.jspecify.annotations.NullMarked;
