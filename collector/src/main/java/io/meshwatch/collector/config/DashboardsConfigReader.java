package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads the {@code dashboards} section: {@code out}, {@code prometheusUrl}, {@code collectorUrl}, {@code grafanaDashboardsPath}. */
final class DashboardsConfigReader {

  static final List<String> FIELDS = List.of("out", "prometheusUrl", "collectorUrl", "grafanaDashboardsPath");

  private DashboardsConfigReader() {}

  static @Nullable DashboardsConfig read(@Nullable YamlMap section, Path baseDir) {
    if (section == null) {
      return null;
    }
    section.allowOnly(FIELDS);
    Path out = section.value("out", true, "a directory", path -> baseDir.resolve(path).normalize());
    URI prometheus = section.value("prometheusUrl", false, "an http(s) URL", DashboardsConfigReader::httpUrl);
    URI collector = section.value("collectorUrl", false, "an http(s) URL", DashboardsConfigReader::httpUrl);
    String grafanaPath = section.string("grafanaDashboardsPath");
    return new DashboardsConfig(out, ConfigReader.or(prometheus, DashboardsConfig.DEFAULT_PROMETHEUS_URL), collector,
        grafanaPath);
  }

  static URI httpUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be an http or https URL with a host, got '" + text + "'");
  }
}
