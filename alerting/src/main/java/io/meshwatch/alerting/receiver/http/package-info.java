/**
 * A small blocking HTTP/1.1 client for the notifiers: one POST at a time per connection, connections
 * kept alive per origin and reused, TLS over the JDK's {@code SSLSocket} with host name verification.
 * It exists because a burst of notifications is mostly many small POSTs to a few receivers, where
 * {@code java.net.http.HttpClient}'s asynchronous machinery (selector thread, futures, executors)
 * cost meshwatch more CPU than everything else it did per notification (docs/BENCHMARKS.md §4).
 * It does what a webhook needs and no more: no redirects, no proxies, no HTTP/2, no compression.
 */
@NullMarked
package io.meshwatch.alerting.receiver.http;

import org.jspecify.annotations.NullMarked;
