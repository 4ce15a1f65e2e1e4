package io.meshwatch.collector.config;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.durable.FsyncPolicy;
import io.meshwatch.model.DurationLabel;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the collector needs to start. {@link #defaults()} runs a local collector with no file at
 * all; {@link #load(Path)} reads the YAML file documented in docs/CONFIG.md; the {@code with*}
 * methods apply command-line flags on top.
 *
 * @param host the address the HTTP server binds to
 * @param port the HTTP port; 0 picks a free one
 * @param dataDir where the store keeps its files
 * @param descriptorsDir a directory of product descriptors loaded at start, or {@code null} for none
 * @param maxBodyBytes the largest request body accepted
 * @param evaluation how and how often SLOs are evaluated, and which timestamps ingest takes
 * @param storage how the collector keeps what it acknowledged
 * @param tokens the accepted bearer tokens; none means the collector is open
 * @param alerting routing, receivers and timers of alerting
 * @param dashboards where dashboards, provisioning and rules are written on start, if anywhere
 * @param limits the budgets per product and per token, and the collector-wide caps
 * @param server the HTTP server's timeouts, connection limit and event loops
 * @param rateLimits the write budgets of each token and each product
 */
public record CollectorConfig(
    String host,
    int port,
    Path dataDir,
    @Nullable Path descriptorsDir,
    long maxBodyBytes,
    Evaluation evaluation,
    Storage storage,
    Tokens tokens,
    AlertingConfig alerting,
    DashboardsConfig dashboards,
    LimitsConfig limits,
    ServerConfig server,
    RateLimits rateLimits) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;

  public CollectorConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("dataDir is required");
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
    }
    if (evaluation == null || storage == null) {
      throw new IllegalArgumentException("evaluation and storage settings are required");
    }
    if (tokens == null) {
      throw new IllegalArgumentException("tokens are required (Tokens.NONE for none)");
    }
    if (alerting == null) {
      throw new IllegalArgumentException("alerting settings are required (AlertingConfig.defaults() for the defaults)");
    }
    if (dashboards == null) {
      throw new IllegalArgumentException("dashboards settings are required (DashboardsConfig.NONE for none)");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits are required (LimitsConfig.DEFAULTS for the defaults)");
    }
    if (server == null) {
      throw new IllegalArgumentException("server settings are required (ServerConfig.DEFAULTS for the defaults)");
    }
    if (rateLimits == null) {
      throw new IllegalArgumentException("rate limits are required (RateLimits.DEFAULTS for the defaults)");
    }
  }

  /** With {@link LimitsConfig#DEFAULTS}, {@link ServerConfig#DEFAULTS} and {@link RateLimits#DEFAULTS}. */
  public CollectorConfig(String host, int port, Path dataDir, @Nullable Path descriptorsDir, long maxBodyBytes,
      Evaluation evaluation, Storage storage, Tokens tokens, AlertingConfig alerting, DashboardsConfig dashboards) {
    this(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards,
        LimitsConfig.DEFAULTS, ServerConfig.DEFAULTS, RateLimits.DEFAULTS);
  }

  /** With {@link DashboardsConfig#NONE}, for callers that generate no dashboards. */
  public CollectorConfig(String host, int port, Path dataDir, @Nullable Path descriptorsDir, long maxBodyBytes,
      Evaluation evaluation, Storage storage, Tokens tokens, AlertingConfig alerting) {
    this(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, DashboardsConfig.NONE);
  }

  /** With {@link AlertingConfig#defaults()}, for callers that configure no alerting. */
  public CollectorConfig(String host, int port, Path dataDir, @Nullable Path descriptorsDir, long maxBodyBytes,
      Evaluation evaluation, Storage storage, Tokens tokens) {
    this(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, AlertingConfig.defaults());
  }

  /**
   * 127.0.0.1:8080, ./data, no descriptors, 4 MiB bodies, {@link Evaluation#DEFAULTS}, {@link Storage#DEFAULTS},
   * no tokens, {@link AlertingConfig#defaults()}, no dashboards, {@link ServerConfig#DEFAULTS}, {@link RateLimits#DEFAULTS}.
   */
  public static CollectorConfig defaults() {
    return new CollectorConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, null, DEFAULT_MAX_BODY_BYTES,
        Evaluation.DEFAULTS, Storage.DEFAULTS, Tokens.NONE, AlertingConfig.defaults());
  }

  /**
   * How SLOs are evaluated and which timestamps ingest takes.
   *
   * @param interval how often SLOs are evaluated
   * @param silenceTimeout after how long without a heartbeat an agent counts as silent
   * @param maxClockSkew how far in the future a reported timestamp may lie before it is rejected
   * @param lateness how far in the past a reported timestamp may lie and still land in its bucket
   */
  public record Evaluation(Duration interval, Duration silenceTimeout, Duration maxClockSkew, Duration lateness) {

    /** Every 10 s, silent after 2 min, 5 min skew, 1 h lateness. */
    public static final Evaluation DEFAULTS = new Evaluation(Duration.ofSeconds(10), Duration.ofMinutes(2),
        IngestLimits.defaults().maxClockSkew(), IngestLimits.DEFAULT_MAX_LATENESS);

    public Evaluation {
      requirePositive("interval", interval);
      requirePositive("silenceTimeout", silenceTimeout);
      requirePositive("maxClockSkew", maxClockSkew);
      requirePositive("lateness", lateness);
      if (maxClockSkew.compareTo(IngestLimits.MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("evaluation.maxClockSkew must be at most "
            + DurationLabel.of(IngestLimits.MAX_CLOCK_SKEW) + ", got " + DurationLabel.of(maxClockSkew));
      }
      if (lateness.compareTo(IngestLimits.MAX_LATENESS) > 0) {
        throw new IllegalArgumentException("evaluation.lateness must be at most " + DurationLabel.of(IngestLimits.MAX_LATENESS)
            + " (what every SLI series keeps at 5-minute resolution), got " + DurationLabel.of(lateness));
      }
    }
  }

  /**
   * How acknowledged data is kept in the data dir.
   *
   * @param fsync when the journal forces writes to disk: never (survives {@code kill -9}, not power
   *     loss), always (before each acknowledgement), or every interval
   * @param snapshotInterval how often the SLO state is snapshotted and the journal behind it dropped
   */
  public record Storage(FsyncPolicy fsync, Duration snapshotInterval) {

    /** No fsync, a snapshot every 5 min. */
    public static final Storage DEFAULTS = new Storage(FsyncPolicy.NONE, Duration.ofMinutes(5));

    public Storage {
      if (fsync == null) {
        throw new IllegalArgumentException("fsync must be none, always or an interval");
      }
      requirePositive("snapshotInterval", snapshotInterval);
    }
  }

  /**
   * Reads {@code yamlFile}, substituting {@code ${NAME}} from the process environment. Fields left
   * out keep their {@link #defaults()}; relative paths are resolved against the file's directory.
   *
   * @throws ConfigException listing every problem of the file
   */
  public static CollectorConfig load(Path yamlFile) {
    return load(yamlFile, System.getenv());
  }

  /** Like {@link #load(Path)}, with {@code env} as the environment. */
  public static CollectorConfig load(Path yamlFile, Map<String, String> env) {
    String text;
    try {
      text = Files.readString(yamlFile);
    } catch (NoSuchFileException e) {
      throw problem(yamlFile, "no such file");
    } catch (CharacterCodingException e) {
      throw problem(yamlFile, "is not UTF-8 text");
    } catch (IOException e) {
      throw problem(yamlFile, "cannot read file: " + e);
    }
    Path baseDir = yamlFile.getParent() == null ? Path.of("") : yamlFile.getParent();
    return ConfigReader.read(yamlFile.toString(), text, baseDir, env);
  }

  public CollectorConfig withPort(int port) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withDataDir(Path dataDir) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withDescriptorsDir(@Nullable Path descriptorsDir) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withTokens(Tokens tokens) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withAlerting(AlertingConfig alerting) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withDashboards(DashboardsConfig dashboards) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withServer(ServerConfig server) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withRateLimits(RateLimits rateLimits) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  public CollectorConfig withLimits(LimitsConfig limits) {
    return new CollectorConfig(host, port, dataDir, descriptorsDir, maxBodyBytes, evaluation, storage, tokens, alerting, dashboards, limits, server, rateLimits);
  }

  private static void requirePositive(String field, @Nullable Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + duration);
    }
  }

  private static ConfigException problem(Path file, String message) {
    return new ConfigException(List.of(DescriptorProblem.error(file.toString(), 0, "", message)));
  }
}
