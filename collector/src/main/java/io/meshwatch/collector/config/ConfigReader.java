package io.meshwatch.collector.config;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlDocuments;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.collector.guard.ConfigBounds;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.durable.FsyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the collector's YAML config into a {@link CollectorConfig}, collecting every problem first. */
final class ConfigReader {

  static final List<String> FIELDS = List.of("server", "dataDir", "descriptors", "evaluation", "storage", "tokens",
      "alerting", "dashboards", "limits", "rateLimits");
  static final List<String> SERVER = Stream.concat(Stream.of("host", "port", "maxBodyBytes"),
      ServerConfigReader.FIELDS.stream()).toList();
  static final List<String> EVALUATION = List.of("interval", "silenceTimeout", "maxClockSkew", "lateness");
  static final List<String> STORAGE = List.of("fsync", "snapshotInterval");

  private ConfigReader() {}

  /**
   * The config {@code text} (named {@code source}) describes, on top of the defaults.
   *
   * @param baseDir what relative paths in the file are relative to
   * @throws ConfigException listing every problem
   */
  static CollectorConfig read(String source, String text, Path baseDir, Map<String, String> env) {
    Problems problems = new Problems(source);
    List<Node> documents = YamlDocuments.compose(text, problems);
    if (documents.size() > 1) {
      problems.error(documents.get(1), "", "a config file holds one YAML document, found " + documents.size());
    }
    CollectorConfig config = CollectorConfig.defaults();
    if (documents.isEmpty()) {
      return checked(config, problems);
    }
    YamlMap root = YamlMap.of(documents.get(0), "", problems, new EnvSubstitution(env), ConfigBounds.TABLE);
    if (root == null) {
      throw new ConfigException(problems.list());
    }
    root.allowOnly(FIELDS);
    YamlMap server = root.map("server");
    YamlMap evaluation = root.map("evaluation");
    if (server != null) {
      server.allowOnly(SERVER);
    }
    if (evaluation != null) {
      evaluation.allowOnly(EVALUATION);
    }
    YamlMap storage = root.map("storage");
    if (storage != null) {
      storage.allowOnly(STORAGE);
    }
    CollectorConfig.Evaluation evaluate = config.evaluation();
    CollectorConfig.Storage store = config.storage();
    Path descriptors = root.value("descriptors", false, "a directory", path -> directory(baseDir, path));
    Tokens tokens = TokensReader.read(root.map("tokens"));
    AlertingConfig alerting = AlertingConfigReader.read(root.map("alerting"));
    DashboardsConfig dashboards = DashboardsConfigReader.read(root.map("dashboards"), baseDir);
    LimitsConfig limits = LimitsConfigReader.read(root.map("limits"));
    try {
      return checked(new CollectorConfig(
          or(value(server, "host", "a host name or address", ConfigReader::host), config.host()),
          or(value(server, "port", "a port number", ConfigReader::port), config.port()),
          or(root.value("dataDir", false, "a directory", path -> baseDir.resolve(path).normalize()), config.dataDir()),
          descriptors,
          or(value(server, "maxBodyBytes", "a size", ConfigReader::positiveSize), config.maxBodyBytes()),
          new CollectorConfig.Evaluation(
              or(value(evaluation, "interval", "a duration", ConfigReader::positive), evaluate.interval()),
              or(value(evaluation, "silenceTimeout", "a duration", ConfigReader::positive), evaluate.silenceTimeout()),
              or(value(evaluation, "maxClockSkew", "a duration", ConfigReader::positive), evaluate.maxClockSkew()),
              or(value(evaluation, "lateness", "a duration", ConfigReader::positive), evaluate.lateness())),
          new CollectorConfig.Storage(
              or(value(storage, "fsync", "none, always or an interval such as 1s", ConfigReader::fsync), store.fsync()),
              or(value(storage, "snapshotInterval", "a duration", ConfigReader::positive), store.snapshotInterval())),
          tokens == null ? Tokens.NONE : tokens,
          alerting == null ? config.alerting() : alerting,
          dashboards == null ? config.dashboards() : dashboards,
          limits == null ? config.limits() : limits,
          ServerConfigReader.read(server),
          RateLimitsReader.read(root.map("rateLimits"))), problems);
    } catch (IllegalArgumentException e) {
      // only reached when a rule of CollectorConfig has no check of its own above
      problems.error(root.line(), "", e.getMessage());
      throw new ConfigException(problems.list());
    }
  }

  private static CollectorConfig checked(CollectorConfig config, Problems problems) {
    if (problems.errorCount() > 0) {
      throw new ConfigException(problems.list().stream().filter(DescriptorProblem::isError).toList());
    }
    return config;
  }

  private static <T> @Nullable T value(@Nullable YamlMap map, String key, String expected, Function<String, T> parse) {
    return map == null ? null : map.value(key, false, expected, parse);
  }

  static <T> T or(@Nullable T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static String host(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return text;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be a port between 0 and 65535 (0 picks a free one), got '" + text + "'");
  }

  private static long positiveSize(String text) {
    long size = ByteSize.parse(text);
    if (size == 0) {
      throw new IllegalArgumentException("must be above zero, got '" + text + "'");
    }
    return size;
  }

  /** A duration above zero, for the readers of every section. */
  static Duration positive(String text) {
    Duration duration = DurationText.parse(text);
    if (duration.isZero()) {
      throw new IllegalArgumentException("must be a duration above zero, got '" + text + "'");
    }
    return duration;
  }

  private static FsyncPolicy fsync(String text) {
    return switch (text) {
      case "none" -> FsyncPolicy.NONE;
      case "always" -> FsyncPolicy.ALWAYS;
      default -> {
        Duration interval;
        try {
          interval = positive(text);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("must be none, always or an interval such as 1s, got '" + text + "'");
        }
        Violation.require(ConfigBounds.FSYNC_INTERVAL.check(interval, text));
        yield FsyncPolicy.interval(interval);
      }
    };
  }

  private static Path directory(Path baseDir, String text) {
    Path dir = baseDir.resolve(text).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such directory: " + dir);
    }
    return dir;
  }
}
