/**
 * The route tree: label matchers (equality, regex, negation) with {@code continue}, which decides
 * for each alert the receivers it goes to and how it is grouped and timed there. A configured
 * {@link io.meshwatch.alerting.routing.Route} tree becomes a validated, compiled
 * {@link io.meshwatch.alerting.routing.RouteTree}; {@link io.meshwatch.alerting.routing.Matchers}
 * compiles matchers once for anything else that matches per alert (silences).
 */
@NullMarked
package io.meshwatch.alerting.routing;

import org.jspecify.annotations.NullMarked;
