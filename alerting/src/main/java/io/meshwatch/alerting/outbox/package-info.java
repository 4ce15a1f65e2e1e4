/**
 * The durable outbox between the dispatcher and the receivers: a notification is written to an
 * append-only, checksummed log before it is sent, delivered by the outbox's own threads in order
 * per receiver and group, retried with exponential backoff and full jitter, and remembered as
 * delivered for a retention so that a notification re-created after a crash (same id) is not sent
 * twice. {@link io.meshwatch.alerting.outbox.StateFile} keeps other alerting state (evaluator,
 * dispatcher, silences) atomically between evaluations.
 */
@NullMarked
package io.meshwatch.alerting.outbox;

import org.jspecify.annotations.NullMarked;
