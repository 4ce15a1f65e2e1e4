/**
 * The collector's durable memory: a write-ahead {@link io.meshwatch.collector.journal.Journal} of
 * the decoded signals it acknowledged, in append-only, CRC-checked segment files, and
 * {@link io.meshwatch.collector.journal.SnapshotFile}s of the engine state as of a journal sequence
 * number. On restart the engine loads the newest valid snapshot and replays the journal after its
 * sequence through the same code as live ingest, so the restored state is exactly the state of a
 * collector that never stopped. Plain Java NIO, no server framework; docs/PERSISTENCE.md describes
 * the formats and the guarantees.
 */
@NullMarked
package io.meshwatch.collector.journal;

import org.jspecify.annotations.NullMarked;
