package io.meshwatch.dashboards.rules;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates Prometheus rule files from data product descriptors that alert as the collector's own
 * evaluation does: one file per domain, holding one group with the domain's recording rules first,
 * then per product (by id) its SLOs' recording rules (by name), its silent-agent alert and per SLO
 * the page and ticket burn-rate alerts over the SLO's own burn conditions and the breach alert. The
 * same descriptors always give byte-identical files.
 *
 * <pre>{@code
 * List<Path> files = new PrometheusRulesGenerator(RulesOptions.DEFAULTS)
 *     .writeTo(Path.of("/etc/prometheus/rules"), catalog.products());
 * }</pre>
 */
public final class PrometheusRulesGenerator {
  private final RulesOptions options;
  private final ProductAlertRules alertRules;

  public PrometheusRulesGenerator(RulesOptions options) {
    this.options = options;
    this.alertRules = new ProductAlertRules(options);
  }

  /**
   * The rule file of each domain, by domain.
   *
   * @throws IllegalArgumentException naming every product id that occurs more than once
   */
  public SortedMap<String, RuleFile> generate(List<DataProduct> products) {
    SortedMap<String, List<DataProduct>> byDomain = new TreeMap<>();
    Set<ProductId> seen = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    for (DataProduct product : products) {
      if (!seen.add(product.id())) {
        duplicates.add(product.id().toString());
      }
      byDomain.computeIfAbsent(product.domain(), d -> new ArrayList<>()).add(product);
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("products declared more than once: " + String.join(", ", duplicates));
    }
    SortedMap<String, RuleFile> files = new TreeMap<>();
    byDomain.forEach((domain, members) -> files.put(domain, file(domain, members)));
    return Collections.unmodifiableSortedMap(files);
  }

  /**
   * Writes {@link #fileName(String) one file per domain} into {@code directory}, each atomically so
   * that a Prometheus reloading meanwhile never reads half a file. Files of domains that no longer
   * exist are left alone.
   *
   * @return the files written, by domain
   */
  public List<Path> writeTo(Path directory, List<DataProduct> products) throws IOException {
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, RuleFile> entry : generate(products).entrySet()) {
      Path target = directory.resolve(fileName(entry.getKey()));
      Path temp = Files.createTempFile(directory, ".meshwatch-", ".tmp");
      try {
        Files.writeString(temp, entry.getValue().toYaml(), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      written.add(target);
    }
    return written;
  }

  /** The file name of a domain's rules, e.g. {@code meshwatch-sales.rules.yml}. */
  public static String fileName(String domain) {
    return "meshwatch-" + domain + ".rules.yml";
  }

  private RuleFile file(String domain, List<DataProduct> products) {
    List<Rule> rules = new ArrayList<>(DomainRecordingRules.rules(domain));
    products.stream()
        .sorted(Comparator.comparing(p -> p.id().toString()))
        .forEach(product -> {
          List<SloSpec> slos = product.slos().stream().sorted(Comparator.comparing(SloSpec::name)).toList();
          // Recorded before the alerts that read them, so both see the same evaluation.
          slos.forEach(slo -> rules.addAll(SloRecordingRules.rules(new SloRef(product, slo))));
          rules.addAll(alertRules.rules(product, slos));
        });
    return new RuleFile(List.of(new RuleGroup("meshwatch-" + domain, options.evaluationInterval(), rules)));
  }
}
