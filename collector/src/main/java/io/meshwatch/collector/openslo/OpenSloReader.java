package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlDocuments;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads OpenSLO v1 documents, from one or several files, into SLOs of the data products that
 * descriptors declare. Documents are added first and read together, since an SLO may refer to an SLI,
 * an AlertPolicy or a Service declared in another file.
 *
 * <pre>{@code
 * OpenSloReader reader = new OpenSloReader();
 * YamlDocuments.compose(text, problems).stream().filter(OpenSloReader::isOpenSlo)
 *     .forEach(document -> reader.add("slos.yaml", document));
 * OpenSloResult result = reader.read(products);     // products from the descriptors
 * List<DataProduct> withSlos = result.applyTo(products);
 * }</pre>
 */
public final class OpenSloReader {

  private record Added(Node document, Problems problems) {}

  private final Map<String, Problems> problemsBySource = new LinkedHashMap<>();
  private final List<Added> documents = new ArrayList<>();

  /** Whether {@code document} declares an OpenSLO {@code apiVersion} (any version: others are reported). */
  public static boolean isOpenSlo(Node document) {
    if (!(document instanceof MappingNode map)) {
      return false;
    }
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("apiVersion")
          && tuple.getValueNode() instanceof ScalarNode value && value.getValue().startsWith("openslo/")) {
        return true;
      }
    }
    return false;
  }

  /** Adds an OpenSLO document read from {@code source}. */
  public void add(String source, Node document) {
    documents.add(new Added(document, problemsBySource.computeIfAbsent(source, Problems::new)));
  }

  /** Whether no document was added. */
  public boolean isEmpty() {
    return documents.isEmpty();
  }

  /** Reads {@code text} alone, every document of which must be an OpenSLO document. */
  public static OpenSloResult read(String source, String text, Collection<DataProduct> products) {
    OpenSloReader reader = new OpenSloReader();
    Problems problems = reader.problemsBySource.computeIfAbsent(source, Problems::new);
    for (Node document : YamlDocuments.compose(text, problems)) {
      if (isOpenSlo(document)) {
        reader.add(source, document);
      } else {
        problems.error(document, "", "is not an OpenSLO document: it needs apiVersion: " + OpenSloObject.API_VERSION);
      }
    }
    return reader.read(products);
  }

  /**
   * Reads the documents added so far into SLOs of {@code products}: every SLO must name one of them,
   * and none may reuse the name of an SLO its product's descriptor declares.
   */
  public OpenSloResult read(Collection<DataProduct> products) {
    ObjectIndex index = new ObjectIndex();
    for (Added added : documents) {
      OpenSloObject object = OpenSloObject.document(added.document(), added.problems());
      if (object != null) {
        index.add(object);
      }
    }
    ignored(index, "DataSource", "ignored: meshwatch reads its own signals (metric sources of type meshwatch), it "
        + "connects to no data source");
    ignored(index, "AlertNotificationTarget", "ignored: meshwatch routes alerts itself, to the product's onCall contacts");
    Map<ProductId, DataProduct> byId = products.stream()
        .collect(Collectors.toMap(DataProduct::id, p -> p, (a, b) -> a, LinkedHashMap::new));
    ProductResolver resolver = new ProductResolver(Set.copyOf(byId.keySet()), index);
    resolver.readServices();
    AlertReader alerts = new AlertReader(index);
    alerts.readNamed();
    SloObjectReader reader = new SloObjectReader(index, resolver, alerts);
    reader.readNamedSlis();
    Map<ProductId, List<SloSpec>> slos = new LinkedHashMap<>();
    Map<ProductId, Map<String, String>> declared = new LinkedHashMap<>();
    for (OpenSloObject object : index.all("SLO")) {
      SloObjectReader.Read read = reader.read(object);
      if (read == null) {
        continue;
      }
      Set<String> own = new HashSet<>();
      byId.get(read.product()).slos().forEach(s -> own.add(s.name()));
      Map<String, String> seen = declared.computeIfAbsent(read.product(), p -> new LinkedHashMap<>());
      for (SloSpec spec : read.slos()) {
        String here = object.source() + ":" + object.line();
        if (own.contains(spec.name())) {
          object.problems().error(object.metadata().line("name"), "metadata.name", "SLO '" + spec.name() + "' of product "
              + read.product() + " is already declared by the product's descriptor");
        } else if (seen.putIfAbsent(spec.name(), here) != null) {
          object.problems().error(object.metadata().line("name"), "metadata.name", "SLO '" + spec.name() + "' of product "
              + read.product() + " is already declared at " + seen.get(spec.name()));
        } else {
          slos.computeIfAbsent(read.product(), p -> new ArrayList<>()).add(spec);
        }
      }
    }
    List<DescriptorProblem> problems = new ArrayList<>();
    problemsBySource.values().forEach(p -> problems.addAll(p.list()));
    return new OpenSloResult(slos, problems);
  }

  private static void ignored(ObjectIndex index, String kind, String message) {
    for (OpenSloObject object : index.all(kind)) {
      object.problems().warning(object.line(), "kind", message);
    }
  }
}
