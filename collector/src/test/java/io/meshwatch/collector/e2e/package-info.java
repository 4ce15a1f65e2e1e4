/**
 * End-to-end tests of issue 5 against real parts: the collector running the demo mesh in-process, a
 * real Prometheus (Debian's package) scraping it and evaluating the generated rules, and the
 * generated dashboards' queries run against that Prometheus as Grafana would run them.
 */
@NullMarked
package io.meshwatch.collector.e2e;

import org.jspecify.annotations.NullMarked;
