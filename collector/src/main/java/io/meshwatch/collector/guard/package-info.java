/**
 * Guards: the bounds every value entering the collector is held to, one table per transport (JSON
 * events, OTLP, descriptors, OpenSLO, the config file, the HTTP API's parameters and bodies). A
 * decoder checks each field it reads against its entry where it decodes it, and refuses what is out
 * of bounds with a message that names the field, the value and the bound. The bounds are chosen so
 * that whatever passes cannot overflow or break anything downstream (evaluation, JSON views,
 * {@code /metrics}, a restart), and each table is documented on its transport's docs page.
 *
 * <pre>{@code
 * Violation problem = Bounds.COUNT.check(rows);
 * if (problem != null) {
 *   reject("events[0].rows: " + problem.message()); // must be a whole number from 0 to 9007199254740992, got -5
 * }
 * }</pre>
 */
@NullMarked
package io.meshwatch.collector.guard;

import org.jspecify.annotations.NullMarked;
