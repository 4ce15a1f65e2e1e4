package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.model.CollectorMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every query of every generated dashboard must be: about the collector's metrics and labels, and never empty by construction. */
class MeshDashboardsQueriesTest {
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
  private static final Pattern MESHWATCH_NAME = Pattern.compile("\\bmeshwatch_[a-z_]+");
  private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
  private static final Pattern MATCHER = Pattern.compile("([a-z_]+)(=~|=|!=|!~)\"([^\"]*)\"");

  private final List<String> queries = queries();

  @Test
  void generate_everyMetricIsTheCollectorsOrAlerts() {
    Map<String, List<String>> labelsByMetric = labelsByMetric();
    List<String> problems = new ArrayList<>();
    for (String query : queries) {
      Matcher selector = SELECTOR.matcher(query);
      while (selector.find()) {
        String metric = selector.group(1);
        if (metric.equals(Selector.ALERTS)) {
          continue;
        }
        if (!labelsByMetric.containsKey(metric)) {
          problems.add(metric + " in " + query);
          continue;
        }
        Matcher m = MATCHER.matcher(selector.group(2));
        while (m.find()) {
          if (!labelsByMetric.get(metric).contains(m.group(1))) {
            problems.add(metric + " has no label " + m.group(1) + ": " + query);
          }
        }
      }
      Matcher name = MESHWATCH_NAME.matcher(query);
      while (name.find()) {
        if (!labelsByMetric.containsKey(name.group())) {
          problems.add(name.group() + " in " + query);
        }
      }
    }

    assertThat(queries).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void generate_groupsOnlyByLabelsTheCollectorWrites() {
    Set<String> labels = new HashSet<>();
    Arrays.stream(CollectorMetric.values()).forEach(m -> labels.addAll(m.labels()));
    List<String> grouped = new ArrayList<>();
    for (String query : queries) {
      Matcher by = BY.matcher(query);
      while (by.find()) {
        grouped.addAll(List.of(by.group(1).split(", ")));
      }
    }

    assertThat(grouped).isNotEmpty();
    assertThat(labels).containsAll(grouped);
  }

  /** A selector of one outcome or status finds nothing for a product where none occurred: it needs a fallback. */
  @Test
  void generate_oneOutcomeIsOnlySelectedWithAFallbackOfTheSameLabels() {
    List<String> unguarded = queries.stream()
        .filter(q -> q.contains(CollectorMetric.Labels.OUTCOME_LABEL + "=\"") || q.contains(CollectorMetric.Labels.STATUS_LABEL + "=\""))
        .filter(q -> !q.matches("\\(.* or .* \\* 0\\).*"))
        .toList();

    assertThat(unguarded).isEmpty();
  }

  /** A regex from a template variable matches what the variable offers; any other regex could match nothing. */
  @Test
  void generate_regexMatchersAreOnlyTemplateVariables() {
    List<String> regexes = new ArrayList<>();
    for (String query : queries) {
      Matcher m = MATCHER.matcher(query);
      while (m.find()) {
        if (m.group(2).equals("=~")) {
          regexes.add(m.group(3));
        }
      }
    }

    assertThat(regexes).isNotEmpty().allSatisfy(regex -> assertThat(regex).matches("\\$[a-z]+"));
  }

  @Test
  void generate_ratesUseGrafanasRateInterval() {
    List<String> rates = queries.stream().filter(q -> q.contains("rate(")).toList();

    assertThat(rates).isNotEmpty().allSatisfy(q -> assertThat(q.split("\\[", -1).length - 1)
        .isEqualTo(q.split("\\[\\$__rate_interval]", -1).length - 1));
  }

  private static List<String> queries() {
    List<String> all = new ArrayList<>();
    for (GeneratedDashboard generated : new MeshDashboards(DashboardOptions.DEFAULTS).generate(Mesh.ALL)) {
      all.addAll(Dashboards.everyQuery(generated.dashboard()));
    }
    return all;
  }

  private static Map<String, List<String>> labelsByMetric() {
    Map<String, List<String>> out = new HashMap<>();
    for (CollectorMetric metric : CollectorMetric.values()) {
      out.put(metric.prometheusName(), metric.labels());
    }
    return out;
  }
}
