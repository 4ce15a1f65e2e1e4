package io.meshwatch.dashboards.push;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version {@code GET /api/health} reports, e.g. {@code 10.4.1} or {@code 11.0.0-preview}.
 * meshwatch writes dashboard schema version 39 and saves into folders by uid, which Grafana 9
 * introduced ({@code folderUid} on save); older Grafana would misplace or mangle the dashboards.
 */
record GrafanaVersion(int major, String text) {
  static final int OLDEST_MAJOR = 9;
  private static final Pattern LEADING = Pattern.compile("^v?(\\d+)\\.");

  static GrafanaVersion parse(String text) {
    Matcher matcher = LEADING.matcher(text.strip());
    if (!matcher.find()) {
      return new GrafanaVersion(-1, text);
    }
    return new GrafanaVersion(Integer.parseInt(matcher.group(1)), text.strip());
  }

  boolean supported() {
    return major >= OLDEST_MAJOR;
  }
}
