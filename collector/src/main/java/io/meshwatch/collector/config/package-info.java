/**
 * The collector's configuration: {@link io.meshwatch.collector.config.CollectorConfig}, read from a
 * YAML file with {@code ${ENV}} substitution, and the tokens that admit admins and ingesting
 * pipelines. Loading fails fast with a {@link io.meshwatch.collector.config.ConfigException} that lists
 * every problem of the file at once, by line and field, the same way descriptors are checked.
 */
@NullMarked
package io.meshwatch.collector.config;

import org.jspecify.annotations.NullMarked;
