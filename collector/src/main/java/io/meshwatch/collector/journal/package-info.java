/**
 * The collector's journal: the decoded signals it acknowledged, one record per request on the
 * {@code durable} log ({@link io.meshwatch.collector.journal.Journal}, payloads in
 * {@link io.meshwatch.collector.journal.SignalCodec}'s binary form), with snapshots of the engine
 * state as of a record. On restart the engine loads the newest good snapshot and replays every valid
 * record after it through the same code as live ingest, so the restored state is exactly the state of
 * a collector that never stopped. {@link io.meshwatch.collector.journal.LegacyJournal} reads the files
 * of data dir format 1 for migration. docs/PERSISTENCE.md describes the formats and the guarantees.
 */
@NullMarked
package io.meshwatch.collector.journal;

import org.jspecify.annotations.NullMarked;
