/**
 * Ingest: decodes every transport (OTLP/HTTP metrics in protobuf or JSON, plain JSON events) into
 * {@link io.meshwatch.model.Signal} records before anything else sees them. The HTTP layer hands in
 * bytes and gets a {@link io.meshwatch.collector.ingest.DecodeResult} back: the signals, how many
 * points were accepted and rejected, and one {@link io.meshwatch.collector.ingest.Rejection} per
 * problem, whose message names the product, the metric or field and the bad value. Only bytes that
 * cannot be parsed at all throw ({@link io.meshwatch.collector.ingest.MalformedPayloadException});
 * everything else degrades to rejections. Cumulative OTLP series become deltas here, with bounded
 * state, so the rest of the collector only ever sees increments.
 */
@NullMarked
package io.meshwatch.collector.ingest;

import org.jspecify.annotations.NullMarked;
