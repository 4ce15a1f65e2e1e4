package io.meshwatch.collector.cli;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.ConfigException;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs a collector: a config file and the flags that override it.
 * Flags left out keep the file's value, or the built-in default without a file.
 */
final class ServerOptions {

  @Option(names = "--config", paramLabel = "FILE",
      description = "collector config file, YAML (see docs/CONFIG.md); default: built-in defaults")
  @Nullable Path config;

  @Option(names = "--port", paramLabel = "N",
      description = "HTTP port, 0 for any free one; default: 8080, or server.port of --config")
  @Nullable Integer port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where the collector keeps its data; default: ./data, or dataDir of --config")
  @Nullable Path dataDir;

  @Option(names = "--descriptors", paramLabel = "DIR",
      description = "directory of product descriptors to load at start; default: none, or descriptors of --config")
  @Nullable Path descriptors;

  /**
   * The config file if given (else the defaults) with the flags applied.
   *
   * @throws ConfigException listing every problem of the file and the flags
   */
  CollectorConfig resolve() {
    return resolve(System.getenv());
  }

  /** Like {@link #resolve()}, with {@code env} as the environment for {@code ${NAME}} in the file. */
  CollectorConfig resolve(Map<String, String> env) {
    List<DescriptorProblem> problems = new ArrayList<>();
    CollectorConfig resolved = CollectorConfig.defaults();
    if (config != null) {
      try {
        resolved = CollectorConfig.load(config, env);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (port != null && (port < 0 || port > 65_535)) {
      problems.add(DescriptorProblem.error("--port", 0, "", "must be between 0 and 65535, got " + port));
    }
    if (descriptors != null && !Files.isDirectory(descriptors)) {
      problems.add(DescriptorProblem.error("--descriptors", 0, "", "no such directory: " + descriptors));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (port != null) {
      resolved = resolved.withPort(port);
    }
    if (dataDir != null) {
      resolved = resolved.withDataDir(dataDir);
    }
    if (descriptors != null) {
      resolved = resolved.withDescriptorsDir(descriptors);
    }
    return resolved;
  }
}
