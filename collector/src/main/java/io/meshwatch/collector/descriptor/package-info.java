/**
 * Reads data product descriptors (YAML, one product per document, or the same schema as JSON) into
 * {@link io.meshwatch.model.DataProduct} records. Parsing never stops at the first mistake: every
 * problem of a file is reported at once with its source, line and field path, so a domain team fixes
 * a descriptor in one round. {@link io.meshwatch.collector.descriptor.YamlMap} and
 * {@link io.meshwatch.collector.descriptor.Problems} are the shared machinery for that, also used to
 * read the collector's own configuration.
 */
@NullMarked
package io.meshwatch.collector.descriptor;

import org.jspecify.annotations.NullMarked;
