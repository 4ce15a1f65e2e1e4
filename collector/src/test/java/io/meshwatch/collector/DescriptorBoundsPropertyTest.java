package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.guard.BoundsTable;
import io.meshwatch.collector.guard.DescriptorBounds;
import io.meshwatch.collector.guard.Extremes;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.OpenSloBounds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Every checked field of the descriptor and OpenSLO tables, driven at and past its extremes through
 * {@code POST /api/v1/products} of one real collector per table (the parser the collector reads its
 * descriptors dir with, and {@code meshwatch validate} too): a descriptor holding the value, each under
 * one of eight product ids in turn, is refused with a 400 (and counted) that names the field when the
 * value is outside the field's own bound, or registered, fed good signals of every kind, and then
 * evaluation, the API and {@code /metrics} still answer and the stored registration reads back without a
 * problem (what a restart reads); after the last, every product's reads and a restart.
 */
class DescriptorBoundsPropertyTest {

  /** Writes documents as any YAML tool would: text that would read as something else (empty, true, 10) quoted. */
  static final Yaml DUMP = new Yaml();
  /** Every scalar as text, as the descriptor readers see it. */
  static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()),
      new Representer(new DumperOptions()), new DumperOptions(), new Resolver() {
        @Override
        protected void addImplicitResolvers() {
          // none: every scalar stays text
        }
      });
  /** Good signals for every SLI: the SLOs are evaluated with data, and nothing burns (no alert reaches a contact). */
  private static final String SIGNALS = """
      [{"type":"freshness","dataTime":"2026-11-25T09:50:00Z"},{"type":"quality","check":"c","passed":true},
       {"type":"volume","rows":2000},{"type":"usage","consumer":"bi","success":true},{"type":"run","status":"succeeded"}]""";

  /** A case; the products are eight ids taken in turn, so every registration after the eighth replaces one. */
  record Case(String table, String field, Extremes.Edge edge, int index) {
    String product() {
      return "sales.p" + index % 8;
    }

    @Override
    public String toString() {
      return table + " " + field + ": " + edge;
    }
  }

  private BoundaryCollector collector;

  @BeforeProperty
  void start() {
    collector = new BoundaryCollector();
  }

  @AfterProperty
  void restartAndStop() {
    try {
      collector.assertUnbroken(collector.products(), true);
      collector.restart();
      collector.assertUnbroken(collector.products(), true);
    } finally {
      collector.close();
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyEdgeOfEveryDescriptorField_isRefusedNamingItOrLeavesTheCollectorWhole(@ForAll("descriptorCases") Case c) {
    check(c, List.of(descriptor(c)));
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyEdgeOfEveryOpenSloField_isRefusedNamingItOrLeavesTheCollectorWhole(@ForAll("openSloCases") Case c) {
    List<Object> documents = new ArrayList<>();
    documents.add(plainDescriptor(c.product()));
    documents.addAll(openSlo(c));
    check(c, documents);
  }

  @Provide
  Arbitrary<Case> descriptorCases() {
    return cases("descriptor", DescriptorBounds.TABLE);
  }

  @Provide
  Arbitrary<Case> openSloCases() {
    return cases("OpenSLO", OpenSloBounds.TABLE);
  }

  private void check(Case c, List<Object> documents) {
    String body = DUMP.dumpAll(documents.iterator());

    HttpResponse<String> response = collector.client.post("/api/v1/products", "application/yaml",
        body.getBytes(StandardCharsets.UTF_8), Optional.of(BoundaryCollector.ADMIN));

    String id = registeredId(c, response);
    if (id != null) {
      collector.post("/api/v1/products/" + id + "/events", SIGNALS, BoundaryCollector.ADMIN);
      collector.assertUnbroken(List.of(id));
      // What a restart reads back: the registration as stored in the data dir, through the same parser.
      Path stored = collector.dataDir.resolve("products").resolve(id + ".json");
      assertThat(new DescriptorParser().parse(stored).problems()).as(stored.toString()).isEmpty();
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      if (!c.edge().inside()) {
        assertThat(response.body()).containsAnyOf(named(c.field()));
      }
      collector.assertRefusalCounted();
    }
  }

  private static @Nullable String registeredId(Case c, HttpResponse<String> response) {
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      return null;
    }
    return CollectorClient.parse(response.body()).path("id").asText();
  }

  private static Arbitrary<Case> cases(String name, BoundsTable table) {
    List<Case> cases = new ArrayList<>();
    for (Field<?> field : table.fields()) {
      for (Extremes.Edge edge : Extremes.of(field.bound(), BoundaryCollector.T0)) {
        cases.add(new Case(name, field.name(), edge, cases.size()));
      }
    }
    return Arbitraries.of(cases);
  }

  /** What a refusal of {@code field} names: its last part, or what the reader calls it. */
  private static String[] named(String field) {
    String last = field.substring(field.lastIndexOf('.') + 1).replace("[]", "");
    if (field.endsWith("meshwatch.io/product")) {
      return new String[] {"meshwatch.io/product", "product"};
    }
    return switch (last) {
      case "threshold" -> new String[] {"threshold", "burn rate"};
      case "duration" -> new String[] {"duration", "window"};
      default -> new String[] {last};
    };
  }

  private static Object descriptor(Case c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) YAML.load(resource("every-descriptor-field.yaml"));
    document.put("id", c.product());
    set(document, c.field(), c.edge().value());
    return document;
  }

  private static Map<String, Object> plainDescriptor(String id) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", id);
    document.put("owner", "sales-team");
    document.put("version", "1.0.0");
    return document;
  }

  /** The OpenSLO documents, for {@code c}'s product, with the field set in the first object of its kind that has it. */
  private static List<Object> openSlo(Case c) {
    List<Object> documents = new ArrayList<>();
    YAML.loadAll(resource("every-openslo-field.yaml").replace("sales.orders", c.product())).forEach(documents::add);
    int dot = c.field().indexOf('.');
    String kind = dot < 0 ? null : c.field().substring(0, dot);
    if (kind == null || !OpenSloBounds.KINDS.contains(kind)) {
      set(asMap(documents.get(0)), c.field(), c.edge().value()); // a document's own field
      return documents;
    }
    String path = c.field().substring(dot + 1);
    List<Map<String, Object>> objects = objectsOf(kind, documents);
    Map<String, Object> target = objects.stream().filter(o -> parentExists(o, path)).findFirst().orElse(objects.get(0));
    set(target, path, c.edge().value());
    return documents;
  }

  /** Every object of {@code kind}: documents of it, and objects inlined where an SLO or AlertPolicy takes one. */
  private static List<Map<String, Object>> objectsOf(String kind, List<Object> documents) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : documents) {
      Map<String, Object> map = asMap(document);
      if (kind.equals(map.get("kind"))) {
        objects.add(map);
      }
      Map<String, Object> spec = asMap(map.getOrDefault("spec", Map.of()));
      if (kind.equals("SLI") && spec.get("indicator") != null) {
        objects.add(0, asMap(spec.get("indicator")));
      }
      for (String list : List.of("alertPolicies", "conditions")) {
        if (spec.get(list) instanceof List<?> items) {
          for (Object item : items) {
            if (asMap(item).containsKey("kind") && kind.equals(asMap(item).get("kind"))) {
              objects.add(0, asMap(item));
            }
          }
        }
      }
    }
    return objects;
  }

  private static boolean parentExists(Map<String, Object> object, String path) {
    Object at = object;
    String[] parts = path.split("\\.(?![^.]*/)");
    for (int i = 0; i < parts.length - 1; i++) {
      at = step(at, parts[i], false);
      if (at == null) {
        return false;
      }
    }
    return true;
  }

  /** Sets the field at {@code path} (list items as {@code []}, the first one) to {@code value}, creating maps on the way. */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> document, String path, Object value) {
    // A key such as meshwatch.io/product holds dots: split only at dots before a key without a slash.
    String[] parts = path.split("\\.(?![^.]*/)");
    Object at = document;
    for (int i = 0; i < parts.length - 1; i++) {
      at = step(at, parts[i], java.util.Arrays.copyOfRange(parts, i + 1, parts.length - 1), true);
    }
    String last = parts[parts.length - 1];
    boolean item = last.endsWith("[]");
    String key = item ? last.substring(0, last.length() - 2) : last;
    Map<String, Object> map = (Map<String, Object>) at;
    if (value instanceof Extremes.Items items) {
      List<Object> template = map.get(key) instanceof List<?> list && !list.isEmpty() ? (List<Object>) list : List.of("x");
      map.put(key, copies(template.get(0), items.count()));
    } else if (item) {
      List<Object> list = map.get(key) instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
      if (list.isEmpty()) {
        list.add(value);
      } else {
        list.set(0, value);
      }
      map.put(key, list);
    } else {
      map.put(key, value instanceof Number ? value.toString() : value);
    }
  }

  /**
   * One step down {@code at} along {@code part}; a list's item is the first one below which the rest of
   * the path ({@code rest}) leads to a map, so a band's {@code min} lands in the SLO that has a band.
   */
  @SuppressWarnings("unchecked")
  private static @Nullable Object step(Object at, String part, boolean create) {
    return step(at, part, new String[0], create);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object step(Object at, String part, String[] rest, boolean create) {
    boolean item = part.endsWith("[]");
    String key = item ? part.substring(0, part.length() - 2) : part;
    Map<String, Object> map = (Map<String, Object>) at;
    Object next = map.get(key);
    if (next == null || (!item && !(next instanceof Map))) {
      if (!create) {
        return null;
      }
      next = item ? new ArrayList<>(List.of(new LinkedHashMap<>())) : new LinkedHashMap<>();
      map.put(key, next);
    }
    if (item) {
      List<Object> list = (List<Object>) next;
      if (list.isEmpty()) {
        list.add(new LinkedHashMap<>());
      }
      for (Object candidate : list) {
        if (candidate instanceof Map<?, ?> && leadsToMap(candidate, rest)) {
          return candidate;
        }
      }
      return list.get(0);
    }
    return next;
  }

  private static boolean leadsToMap(Object at, String[] rest) {
    Object here = at;
    for (String part : rest) {
      here = here instanceof Map<?, ?> ? step(here, part, false) : null;
      if (here == null) {
        return false;
      }
    }
    return here instanceof Map<?, ?>;
  }

  /** {@code count} copies of {@code item}, each its own (no YAML aliases), SLOs and objectives named apart. */
  @SuppressWarnings("unchecked")
  private static List<Object> copies(Object item, int count) {
    List<Object> copies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object copy = YAML.load(YAML.dump(item));
      if (copy instanceof Map<?, ?> map) {
        for (String name : List.of("name", "displayName")) {
          if (map.containsKey(name)) {
            ((Map<String, Object>) map).put(name, "n" + i);
          }
        }
      }
      copies.add(copy);
    }
    return copies;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    return (Map<String, Object>) node;
  }

  private static String resource(String name) {
    try {
      return Files.readString(Path.of(DescriptorBoundsPropertyTest.class.getResource("/guard/" + name).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
