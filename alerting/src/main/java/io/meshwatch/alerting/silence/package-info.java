/**
 * Silences, as in Alertmanager: matchers, creator, comment and a time range during which matching
 * alerts are not notified as firing. {@link io.meshwatch.alerting.silence.Silences} keeps them,
 * thread-safe, answers per alert which active silences mute it, forgets silences some days after
 * they expired, and writes its state to and reads it from a binary stream so silences survive a
 * restart. Expired silences let alerts through again; scoping silences to a domain is the API's job,
 * helped by {@link io.meshwatch.alerting.silence.Silences#pinsDomain}.
 */
@NullMarked
package io.meshwatch.alerting.silence;

import org.jspecify.annotations.NullMarked;
