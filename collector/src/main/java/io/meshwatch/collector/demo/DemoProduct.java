package io.meshwatch.collector.demo;

import io.meshwatch.model.DataProduct;

/** A product of the demo mesh and how its simulated pipeline behaves. */
public record DemoProduct(DataProduct descriptor, Behaviour behaviour) {}
