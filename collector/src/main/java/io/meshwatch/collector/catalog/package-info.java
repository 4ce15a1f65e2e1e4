/**
 * The catalog of data products the collector knows: registered from descriptor files at start and through the REST API, and persisted in the data dir so registrations survive a restart.
 */
@NullMarked
package io.meshwatch.collector.catalog;

import org.jspecify.annotations.NullMarked;
