/**
 * Grafana provisioning files for the generated tree: a Prometheus data source with the uid every
 * generated query names, and a file provider that loads the dashboards directory with one Grafana
 * folder per domain directory. The files are typed records serialised with Jackson YAML, in the shape
 * Grafana's "Provision Grafana" documentation gives ({@code apiVersion: 1}).
 */
@NullMarked
package io.meshwatch.dashboards.provisioning;

import org.jspecify.annotations.NullMarked;
