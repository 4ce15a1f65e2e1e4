/**
 * A small blocking HTTP/1.1 client for the notifiers: one POST at a time per connection, connections
 * kept alive per origin and reused, TLS over the JDK's {@code SSLSocket} with host name verification
 * and server name indication. It exists because a burst of notifications is mostly many small POSTs
 * to a few receivers, where {@code java.net.http.HttpClient}'s asynchronous machinery (selector
 * thread, futures, executors) cost meshwatch more CPU than everything else it did per notification.
 * One POST at a time it costs what Apache HttpClient 5 does; in the alerting benchmark's burst,
 * Apache's used about a quarter more CPU and delivered several times later (docs/BENCHMARKS.md §4).
 *
 * <p>It does what a webhook needs and no more: no redirects, no proxies, no HTTP/2, no compression.
 * A connection goes back to the pool only when its response was framed, read to its end and nothing
 * followed it. Known limits: name resolution is the system resolver's, bounded by its own timeouts,
 * not the request's; a request in flight is not interrupted, it ends at its deadline.
 */
@NullMarked
package io.meshwatch.alerting.receiver.http;

import org.jspecify.annotations.NullMarked;
