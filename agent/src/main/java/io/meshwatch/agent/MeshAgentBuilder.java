package io.meshwatch.agent;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.metrics.ExemplarFilter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link MeshAgent}. Every setter checks its argument at once and names the field and
 * value it rejects; {@link #build()} reports every missing setting at once.
 *
 * <pre>{@code
 * MeshAgent agent = MeshAgent.builder()
 *     .product("sales.orders")
 *     .endpoint(URI.create("http://127.0.0.1:8080"))
 *     .token("s3cret")
 *     .exportInterval(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 */
public final class MeshAgentBuilder {

  /**
   * How long one export may take, retries and their waits included, before the agent gives up on it
   * and waits for the next interval, whose export carries the same cumulative data. It also bounds
   * {@link MeshAgent#close()}, which flushes once more.
   */
  static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** How long the export thread waits for one export, retries included, before moving on. */
  static final Duration READER_EXPORT_TIMEOUT = Duration.ofSeconds(12);
  /**
   * OpenTelemetry's JDK sender (1.68) retries 429, 502, 503 and 504 up to this many attempts within
   * {@link #EXPORT_TIMEOUT}: after the wait an answer's {@code Retry-After} asks for when it has one,
   * cut short by what is left of the timeout, else after 1 s, 2 s, 4 s with 20 % jitter. A longer wait
   * than is left ends the export; with the default 10 s interval the next one comes later than the
   * collector's waits (at most {@code server.retryAfter}, 5 s by default) ask. A collector that cannot
   * be reached at all is not retried within the export (its next interval tries again), so that a
   * pipeline closing while the collector is down is not held up for the whole timeout; a connection
   * that broke mid-exchange is.
   */
  static final RetryPolicy RETRY = RetryPolicy.builder().setMaxAttempts(5).setInitialBackoff(Duration.ofSeconds(1))
      .setMaxBackoff(Duration.ofSeconds(4)).setBackoffMultiplier(2)
      .setRetryExceptionPredicate(MeshAgentBuilder::retryable).build();

  private static boolean retryable(IOException e) {
    return !(e instanceof ConnectException || e instanceof HttpConnectTimeoutException || e instanceof SSLException);
  }
  /** Series per instrument the SDK keeps: both outcomes of every admitted name, with headroom. */
  static final int CARDINALITY_LIMIT = 2 * BoundedAttributeCache.MAX_KEYS + 48;

  private @Nullable ProductId product;
  private @Nullable URI endpoint;
  private @Nullable String token;
  private Duration exportInterval = Duration.ofSeconds(10);
  private String serviceName = "meshwatch-agent";
  private @Nullable InstantSource clock;
  private @Nullable MetricReader metricReader;

  MeshAgentBuilder() {}

  /** The data product reported on, as {@code domain.name}. Required. */
  public MeshAgentBuilder product(String product) {
    try {
      this.product = ProductId.parse(require("product", product));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("product: " + e.getMessage(), e);
    }
    return this;
  }

  /** The data product reported on. Required. */
  public MeshAgentBuilder product(ProductId product) {
    this.product = require("product", product);
    return this;
  }

  /**
   * The collector's base URL, e.g. {@code http://127.0.0.1:8080}; the agent posts to
   * {@code <endpoint>/v1/metrics}. Required unless a {@link #metricReader(MetricReader)} replaces
   * the exporter.
   */
  public MeshAgentBuilder endpoint(URI endpoint) {
    require("endpoint", endpoint);
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null
        || endpoint.getQuery() != null || endpoint.getFragment() != null) {
      throw new IllegalArgumentException(
          "endpoint must be an http(s) URL with a host and no query or fragment, got '" + endpoint + "'");
    }
    this.endpoint = endpoint;
    return this;
  }

  /** The bearer token the collector expects; sent as {@code Authorization: Bearer <token>}. Never logged. */
  public MeshAgentBuilder token(String token) {
    require("token", token);
    if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      // The token itself is a secret: say what is wrong with it without echoing it.
      throw new IllegalArgumentException(
          "token must be non-blank and free of whitespace and control characters (got " + token.length() + " chars)");
    }
    this.token = token;
    return this;
  }

  /** How often the agent exports; default 10 s. */
  public MeshAgentBuilder exportInterval(Duration exportInterval) {
    require("exportInterval", exportInterval);
    if (exportInterval.toMillis() < 1) {
      throw new IllegalArgumentException("exportInterval must be at least 1 ms, got " + exportInterval);
    }
    this.exportInterval = exportInterval;
    return this;
  }

  /** The pipeline reporting, exported as the resource attribute {@code service.name}; default {@code meshwatch-agent}. */
  public MeshAgentBuilder serviceName(String serviceName) {
    require("serviceName", serviceName);
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("serviceName must not be blank, got '" + serviceName + "'");
    }
    this.serviceName = serviceName;
    return this;
  }

  /** The time source for run durations, {@code updated()} and export timestamps; default the system clock. */
  public MeshAgentBuilder clock(InstantSource clock) {
    this.clock = require("clock", clock);
    return this;
  }

  /**
   * Replaces the OTLP exporter with {@code reader}, e.g. OpenTelemetry's {@code InMemoryMetricReader}
   * in tests and benchmarks. With a reader, {@link #endpoint(URI)} and {@link #token(String)} are
   * not used.
   */
  public MeshAgentBuilder metricReader(MetricReader reader) {
    this.metricReader = require("metricReader", reader);
    return this;
  }

  /**
   * Builds the agent and starts its export thread.
   *
   * @throws IllegalStateException listing every required setting that is missing
   */
  public MeshAgent build() {
    List<String> missing = new ArrayList<>();
    if (product == null) {
      missing.add("product is required, e.g. product(\"sales.orders\")");
    }
    if (endpoint == null && metricReader == null) {
      missing.add("endpoint is required, e.g. endpoint(URI.create(\"http://127.0.0.1:8080\"))");
    }
    if (product == null || !missing.isEmpty()) {
      throw new IllegalStateException("cannot build MeshAgent: " + String.join("; ", missing));
    }
    InstantSource time = clock == null ? InstantSource.system() : clock;
    Clock sdkClock = clock == null ? Clock.getDefault() : new InstantSourceClock(clock);
    MetricReader reader = metricReader != null ? metricReader : periodicOtlpReader();
    SdkMeterProvider provider = SdkMeterProvider.builder()
        .setClock(sdkClock)
        .setResource(resource(product))
        .setExemplarFilter(ExemplarFilter.alwaysOff())
        .registerMetricReader(reader, instrumentType -> CARDINALITY_LIMIT)
        .build();
    return new MeshAgent(provider, time);
  }

  private Resource resource(ProductId product) {
    return Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey(SignalContract.RESOURCE_PRODUCT), product.toString(),
        AttributeKey.stringKey(SignalContract.RESOURCE_DOMAIN), product.domain(),
        AttributeKey.stringKey(SignalContract.RESOURCE_SERVICE_NAME), serviceName)));
  }

  private MetricReader periodicOtlpReader() {
    String base = String.valueOf(endpoint).replaceAll("/+$", "");
    var exporter = OtlpHttpMetricExporter.builder()
        .setEndpoint(base + "/v1/metrics")
        .setTimeout(EXPORT_TIMEOUT)
        .setConnectTimeout(CONNECT_TIMEOUT)
        .setCompression("gzip")
        // The collector answers 429 (this product or token over its budget) and 503 (overloaded, cannot
        // store) with Retry-After; the sender waits that out. Cumulative sums make giving up cheap: the
        // next export carries the same data.
        .setRetryPolicy(RETRY);
    if (token != null) {
      exporter.addHeader("Authorization", "Bearer " + token);
    }
    return PeriodicMetricReader.builder(exporter.build())
        .setInterval(exportInterval)
        .setExporterTimeout(READER_EXPORT_TIMEOUT)
        .build();
  }

  private static <T> T require(String field, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }
}
