/**
 * Notifiers that deliver {@link io.meshwatch.alerting.Notification}s to receivers: a generic webhook
 * (Alertmanager's webhook JSON), Slack incoming webhooks, PagerDuty Events API v2, e-mail over SMTP
 * and a Prometheus Alertmanager's API v2. {@link io.meshwatch.alerting.receiver.Notifiers} builds
 * one from each {@link io.meshwatch.alerting.receiver.ReceiverTarget} and fans out to a receiver's
 * targets. Each send is one attempt that returns a result saying whether retrying could help; the
 * retrying itself is the outbox's job. HTTP goes over {@code java.net.http} with JSON written by a
 * small writer of our own; SMTP over Angus Mail. Notifiers are safe to call from several threads.
 */
@NullMarked
package io.meshwatch.alerting.receiver;

import org.jspecify.annotations.NullMarked;
