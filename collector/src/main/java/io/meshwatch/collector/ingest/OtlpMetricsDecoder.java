package io.meshwatch.collector.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.meshwatch.collector.guard.OtlpBounds;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.ProductId;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decodes OTLP/HTTP metric exports ({@code POST /v1/metrics}) into signals, as {@code docs/CONTRACT.md}
 * describes: the product comes from each resource's {@code meshwatch.product} attribute, metrics
 * outside the contract are ignored, cumulative series become deltas, and bad points are rejected one
 * by one while the good ones are kept. Safe to call from several threads at once.
 */
public final class OtlpMetricsDecoder {

  private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

  private final InstantSource clock;
  private final OtlpBounds bounds;
  private final Predicate<ProductId> knownProduct;
  private final CumulativeDeltas cumulative;

  /** With {@link SeriesBudgets#DEFAULTS}, each at most {@code limits.maxSeries()}. */
  public OtlpMetricsDecoder(InstantSource clock, IngestLimits limits, Predicate<ProductId> knownProduct) {
    this(clock, limits, new SeriesBudgets(Math.min(SeriesBudgets.DEFAULTS.perProduct(), limits.maxSeries()),
        Math.min(SeriesBudgets.DEFAULTS.perToken(), limits.maxSeries())), knownProduct);
  }

  /** Cumulative series held to {@code budgets} per product and token, and to {@code limits.maxSeries()} in all. */
  public OtlpMetricsDecoder(InstantSource clock, IngestLimits limits, SeriesBudgets budgets,
      Predicate<ProductId> knownProduct) {
    this.clock = clock;
    this.bounds = new OtlpBounds(limits.maxClockSkew(), limits.maxLateness());
    this.knownProduct = knownProduct;
    this.cumulative = new CumulativeDeltas(clock, budgets, limits.maxSeries(), limits.seriesIdleTimeout());
  }

  /** The bounds every export is held to. */
  public OtlpBounds bounds() {
    return bounds;
  }

  /**
   * Tells the decoder that the collector resumed the state of an earlier run at {@code restart}:
   * cumulative series that started before it were counted by that run, so their first reading now
   * is a baseline, not a delta (see {@link CumulativeDeltas}).
   */
  public void resumedAt(Instant restart) {
    cumulative.resumedAt(restart);
  }

  /** Decodes an {@code application/x-protobuf} body. */
  public DecodeResult decodeProtobuf(byte[] body) throws MalformedPayloadException {
    return decode(parseProtobuf(body));
  }

  /** Parses an {@code application/x-protobuf} body without decoding it (see {@link #productsNamed}). */
  public static ExportMetricsServiceRequest parseProtobuf(byte[] body) throws MalformedPayloadException {
    try {
      return ExportMetricsServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException(String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Decodes an {@code application/json} body in the OTLP/JSON encoding: lowerCamelCase field names,
   * enums as integers or names, 64-bit integers as strings or numbers; unknown fields are ignored.
   */
  public DecodeResult decodeJson(byte[] body) throws MalformedPayloadException {
    return decode(parseJson(body));
  }

  /** Parses an {@code application/json} body without decoding it (see {@link #productsNamed}). */
  public static ExportMetricsServiceRequest parseJson(byte[] body) throws MalformedPayloadException {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new MalformedPayloadException("body is empty; expected an ExportMetricsServiceRequest in OTLP/JSON");
    }
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    try {
      JSON.merge(text, request);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      // JsonFormat reports most problems as InvalidProtocolBufferException, a few as unchecked ones.
      throw new MalformedPayloadException(String.valueOf(e.getMessage()), e);
    }
    return request.build();
  }

  /**
   * The well-formed product ids the export's resources name, known or not. Authorization checks these
   * before {@link #decode}, which advances cumulative state: a refused request must leave none behind.
   */
  public static Set<ProductId> productsNamed(ExportMetricsServiceRequest request) {
    Set<ProductId> products = new LinkedHashSet<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      if (ResourceProduct.of(resource.getResource(), product -> true) instanceof ResourceProduct.Known known) {
        products.add(known.product());
      }
    }
    return products;
  }

  /** Decodes an already parsed export sent without a token (the collector runs open). */
  public DecodeResult decode(ExportMetricsServiceRequest request) {
    return decode(request, null);
  }

  /**
   * Decodes an already parsed export sent with the token {@code tokenKey} (an opaque key standing for
   * it, never the token itself; {@code null} for none): the new cumulative series it creates count
   * against that token's budget as well as their products'. What it advances of cumulative series
   * stands unless the caller, failing to record the signals, calls {@link DecodeResult#undo}.
   */
  public DecodeResult decode(ExportMetricsServiceRequest request, @Nullable String tokenKey) {
    Instant now = clock.instant();
    RequestTally tally = new RequestTally();
    Violation resources = OtlpBounds.RESOURCES.check(request.getResourceMetricsCount());
    if (resources != null) {
      long points = request.getResourceMetricsList().stream().mapToLong(OtlpMetricsDecoder::contractPoints).sum();
      tally.reject(RejectReason.INVALID_VALUE, "ExportMetricsServiceRequest.resource_metrics " + resources.message(),
          Math.max(1, points));
      return tally.result();
    }
    CumulativeDeltas series = cumulative.writtenBy(tokenKey);
    MetricDecoder metrics = new MetricDecoder(now, bounds, series, tally);
    Map<ProductId, ProductSignals> products = new LinkedHashMap<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      ResourceProduct owner = ResourceProduct.of(resource.getResource(), knownProduct);
      Violation scopes = OtlpBounds.SCOPES.check(resource.getScopeMetricsCount());
      if (owner instanceof ResourceProduct.Known && scopes != null) {
        owner = new ResourceProduct.Refused(new Rejection(RejectReason.INVALID_VALUE,
            "ResourceMetrics.scope_metrics " + scopes.message()));
      }
      if (owner instanceof ResourceProduct.Refused refused) {
        tally.reject(refused.rejection().reason(), refused.rejection().message(), contractPoints(resource));
        continue;
      }
      ResourceProduct.Known known = (ResourceProduct.Known) owner;
      ProductSignals signals = products.computeIfAbsent(known.product(), product -> new ProductSignals(product, now));
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        Violation tooMany = OtlpBounds.METRICS.check(scope.getMetricsCount());
        if (tooMany != null) {
          tally.reject(RejectReason.INVALID_VALUE, "product " + known.product() + ": ScopeMetrics.metrics "
              + tooMany.message(), Math.max(1, contractPoints(scope)));
          continue;
        }
        for (Metric metric : scope.getMetricsList()) {
          ContractMetric kind = ContractMetric.named(metric.getName());
          if (kind != null) {
            metrics.decode(signals, known.service(), metric, kind);
          }
        }
      }
    }
    products.values().forEach(signals -> signals.collect(tally));
    return tally.result(series::undo);
  }

  private static long contractPoints(ResourceMetrics resource) {
    return resource.getScopeMetricsList().stream().mapToLong(OtlpMetricsDecoder::contractPoints).sum();
  }

  private static long contractPoints(ScopeMetrics scope) {
    long points = 0;
    for (Metric metric : scope.getMetricsList()) {
      if (ContractMetric.named(metric.getName()) != null) {
        points += MetricDecoder.points(metric);
      }
    }
    return points;
  }
}
