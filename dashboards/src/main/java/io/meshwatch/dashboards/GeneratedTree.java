package io.meshwatch.dashboards;

import io.meshwatch.dashboards.provisioning.ProvisioningFiles;
import io.meshwatch.dashboards.provisioning.ProvisioningOptions;
import io.meshwatch.dashboards.rules.PrometheusRulesGenerator;
import io.meshwatch.dashboards.rules.RuleFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes everything {@code meshwatch dashboards generate} produces into one directory:
 * <pre>
 * OUT/dashboards/&lt;folder directory&gt;/&lt;uid&gt;.json     one directory per Grafana folder
 * OUT/provisioning/datasources/meshwatch.yaml      point Grafana's paths.provisioning at OUT/provisioning
 * OUT/provisioning/dashboards/meshwatch.yaml
 * OUT/rules/meshwatch-&lt;domain&gt;.rules.yml            for Prometheus' rule_files
 * OUT/.meshwatch-generated                         the list of files written, to find stale ones next time
 * </pre>
 * Each file is replaced atomically and only when its bytes change; the same input gives the same
 * tree. Dashboard and rule files that an earlier run wrote and this one does not (a product or a
 * domain was removed) are deleted, so Grafana and Prometheus drop them too; nothing meshwatch did not
 * write is touched.
 *
 * <pre>{@code
 * GeneratedTree.Summary summary = GeneratedTree.write(Path.of("out"), dashboards,
 *     new PrometheusRulesGenerator(RulesOptions.DEFAULTS).generate(products), ProvisioningOptions.DEFAULTS);
 * System.out.println(summary.describe());
 * }</pre>
 */
public final class GeneratedTree {
  public static final String DASHBOARDS = "dashboards";
  public static final String PROVISIONING = "provisioning";
  public static final String RULES = "rules";
  static final String MANIFEST = ".meshwatch-generated";

  private GeneratedTree() {}

  /**
   * Writes the tree under {@code outDir}.
   *
   * @param rulesByDomain rule files by domain, as {@link PrometheusRulesGenerator#generate} returns them
   * @throws IllegalArgumentException naming every dashboard that clashes with another (uid, file or folder)
   */
  public static Summary write(Path outDir, List<GeneratedDashboard> dashboards, Map<String, RuleFile> rulesByDomain,
      ProvisioningOptions options) throws IOException {
    TreeLayout.check(dashboards);
    SortedMap<String, String> files = new TreeMap<>();
    for (GeneratedDashboard dashboard : dashboards) {
      files.put(dashboardPath(dashboard), dashboard.json());
    }
    String grafanaPath = options.grafanaDashboardsPath() != null
        ? options.grafanaDashboardsPath()
        : outDir.resolve(DASHBOARDS).toAbsolutePath().normalize().toString();
    ProvisioningFiles.render(options, grafanaPath).forEach((path, yaml) -> files.put(PROVISIONING + "/" + path, yaml));
    rulesByDomain.forEach((domain, file) -> files.put(RULES + "/" + PrometheusRulesGenerator.fileName(domain), file.toYaml()));

    int written = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (AtomicFile.replace(outDir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8))) {
        written++;
      }
    }
    List<String> removed = StaleFiles.remove(outDir, files.keySet());
    AtomicFile.replace(outDir.resolve(MANIFEST), StaleFiles.manifest(files.keySet()));

    int folders = new TreeSet<>(dashboards.stream().map(d -> d.folder().directory()).toList()).size();
    return new Summary(dashboards.size(), folders, rulesByDomain.size(), files.size() - dashboards.size()
        - rulesByDomain.size(), written, files.size() - written, removed);
  }

  /** Where a dashboard's file lies in the tree, e.g. {@code dashboards/sales/meshwatch-sales-orders.json}. */
  public static String dashboardPath(GeneratedDashboard dashboard) {
    return DASHBOARDS + "/" + dashboard.folder().directory() + "/" + dashboard.fileName();
  }

  /**
   * What a run wrote: counts of each kind of file, how many changed on disk, and the stale files
   * removed (paths relative to the output directory).
   */
  public record Summary(int dashboards, int folders, int ruleFiles, int provisioningFiles, int written,
      int unchanged, List<String> removed) {

    public Summary {
      removed = List.copyOf(removed);
    }

    /** One line for the command line, e.g. "12 dashboards in 3 folders, 2 rule files, 2 provisioning files (4 changed, 12 unchanged), 1 stale file removed". */
    public String describe() {
      return dashboards + " dashboards in " + folders + " folders, " + ruleFiles + " rule files, " + provisioningFiles
          + " provisioning files (" + written + " changed, " + unchanged + " unchanged), " + removed.size()
          + " stale " + (removed.size() == 1 ? "file" : "files") + " removed";
    }
  }

  /** Rejects dashboards that would overwrite each other or that Grafana would put in one folder. */
  static final class TreeLayout {
    private TreeLayout() {}

    static void check(List<GeneratedDashboard> dashboards) {
      List<String> problems = new ArrayList<>();
      Map<String, String> uidTitles = new TreeMap<>();
      Map<String, GeneratedDashboard.Folder> folderByDirectory = new TreeMap<>();
      for (GeneratedDashboard dashboard : dashboards) {
        String uid = dashboard.dashboard().uid();
        String title = dashboard.dashboard().title();
        String previous = uidTitles.putIfAbsent(uid, title);
        if (previous != null) {
          problems.add("dashboards '" + previous + "' and '" + title + "' share the uid " + uid);
        }
        if (!uid.matches("[A-Za-z0-9._-]+") || uid.startsWith(".")) {
          problems.add("dashboard uid '" + uid + "' is not a safe file name (letters, digits, '.', '_', '-')");
        }
        GeneratedDashboard.Folder folder = dashboard.folder();
        if (!folder.directory().matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
          problems.add("folder directory '" + folder.directory() + "' of dashboard " + uid
              + " is not a single safe path segment");
        }
        GeneratedDashboard.Folder other = folderByDirectory.putIfAbsent(folder.directory(), folder);
        if (other != null && !other.equals(folder)) {
          problems.add("folders " + other.uid() + " and " + folder.uid() + " share the directory " + folder.directory());
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("cannot lay out the generated dashboards: " + String.join("; ", problems));
      }
    }
  }
}
