package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Events marked on every time series panel of a dashboard, from a Prometheus query: a series is an
 * event from when it appears until it goes, e.g. {@code ALERTS{alertstate="firing"}}.
 */
@JsonPropertyOrder({"name", "datasource", "enable", "hide", "iconColor", "target"})
public record AnnotationQuery(String name, DataSourceRef datasource, boolean enable, boolean hide, String iconColor,
    Target target) {}
