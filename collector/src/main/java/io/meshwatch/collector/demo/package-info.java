/**
 * The demo mesh behind {@code meshwatch demo}: simulated data products in four domains, each driven by
 * a real {@code MeshAgent} reporting over OTLP, some of them healthy and some breaking their promises
 * in the ways real pipelines do (stale data, failing checks, a volume drop, failing runs, a silent agent).
 */
@NullMarked
package io.meshwatch.collector.demo;

import org.jspecify.annotations.NullMarked;
