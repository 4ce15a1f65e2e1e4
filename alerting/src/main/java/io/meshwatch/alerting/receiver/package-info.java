/**
 * Notifiers that deliver {@link io.meshwatch.alerting.Notification}s over HTTP with
 * {@code java.net.http}: for now the generic webhook in Alertmanager's webhook format. Payloads are
 * written by a small JSON writer of our own, so the module needs nothing beyond the JDK and
 * {@code model}.
 */
@NullMarked
package io.meshwatch.alerting.receiver;

import org.jspecify.annotations.NullMarked;
