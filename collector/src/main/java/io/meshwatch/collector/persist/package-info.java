/**
 * Makes accepted signals durable: each request's signals are appended to the journal and applied to
 * the SLO engine in one step, in journal order; the engine's state is snapshotted now and then, and
 * at start the latest snapshot is loaded and the journal replayed after it through the same code
 * path live ingest uses, so a restarted collector has exactly the state of one that never stopped.
 * See docs/PERSISTENCE.md.
 */
@NullMarked
package io.meshwatch.collector.persist;

import org.jspecify.annotations.NullMarked;
