/**
 * The Vert.x HTTP layer: routes, request decoding and error responses. The only package that sees Vert.x types; it hands bytes to ingest and records to the catalog and SLO engine.
 */
@NullMarked
package io.meshwatch.collector.http;

import org.jspecify.annotations.NullMarked;
