/**
 * The {@code meshwatch} command line (picocli): {@code serve} runs the collector, {@code demo} runs it
 * with a simulated mesh, {@code validate} checks product descriptors the way the collector will read
 * them. {@link io.meshwatch.collector.cli.MeshwatchCommand} is the jar's main class.
 */
@NullMarked
package io.meshwatch.collector.cli;

import org.jspecify.annotations.NullMarked;
