/**
 * State that survives {@code kill -9} and damage, with no dependency: a {@link io.meshwatch.durable.DurableLog}
 * (append-only segment files whose records are each checked on their own, plus snapshots; recovery
 * is the newest good snapshot and every valid record after it), {@link io.meshwatch.durable.StateFile}s
 * kept in two copies, and the data dir's {@link io.meshwatch.durable.DataDirLock} and
 * {@link io.meshwatch.durable.DataDirFormat}. Damage found is skipped, counted in a
 * {@link io.meshwatch.durable.Damage} and moved aside, never cut; see docs/PERSISTENCE.md.
 */
@NullMarked
package io.meshwatch.durable;

import org.jspecify.annotations.NullMarked;
