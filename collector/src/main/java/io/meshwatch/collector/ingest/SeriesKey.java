package io.meshwatch.collector.ingest;

import io.meshwatch.model.ProductId;
import java.util.Map;

/**
 * One cumulative series as its reporter sees it. The start time is part of the key so that two
 * replicas of a pipeline reporting the same series (each with its own start) are told apart; a
 * reporter that restarts starts a new series, and the old one ages out.
 */
record SeriesKey(ProductId product, String service, String metric, Map<String, String> attributes, long startTimeUnixNano) {

  SeriesKey {
    attributes = Map.copyOf(attributes);
  }
}
