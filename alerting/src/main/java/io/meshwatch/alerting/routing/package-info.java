/**
 * The route tree: label matchers (equality, regex, negation) with {@code continue}, which decides
 * for each alert the receivers it goes to and how it is grouped and timed there.
 */
@NullMarked
package io.meshwatch.alerting.routing;

import org.jspecify.annotations.NullMarked;
