package io.meshwatch.collector.descriptor;

import io.meshwatch.collector.guard.DescriptorBounds;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one descriptor document into a {@link DataProduct}, recording every problem on the way. */
final class ProductReader {

  static final List<String> FIELDS =
      List.of("id", "domain", "owner", "onCall", "description", "tags", "version", "upstream", "links", "slos");
  static final List<String> CONTACT_KINDS = List.of("slack", "email", "pagerduty", "webhook");
  private static final List<String> LINKS = List.of("runbook", "docs", "dashboard");
  /** The model's rule, repeated here so that a bad version is reported on its own line. */
  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private ProductReader() {}

  /** The product {@code document} describes, or {@code null} when it has errors (all recorded). */
  static @Nullable LocatedProduct read(Node document, Problems problems) {
    if (!(document instanceof MappingNode)) {
      problems.error(document, "", "a descriptor document must be a map of fields (id, owner, version, ...), got "
          + YamlMap.describe(document));
      return null;
    }
    int errorsBefore = problems.errorCount();
    YamlMap map = YamlMap.of(document, "", problems, ScalarResolver.VERBATIM, DescriptorBounds.TABLE).allowOnly(FIELDS);
    ProductId id = map.value("id", true, "a product id", ProductId::parse);
    String domain = map.string("domain");
    if (id != null && domain != null && !domain.equals(id.domain())) {
      problems.error(map.line("domain"), "domain", "'" + domain + "' does not match the id's domain '" + id.domain() + "'");
    }
    String owner = map.requiredString("owner");
    List<Contact> onCall = contacts(map);
    String description = map.string("description");
    List<String> tags = map.strings("tags");
    String version = map.value("version", true, "a version", ProductReader::semver);
    List<Integer> upstreamLines = new ArrayList<>();
    List<ProductId> upstream = upstream(map, id, upstreamLines);
    Links links = links(map);
    List<SloSpec> slos = SloReader.read(map);
    if (problems.errorCount() > errorsBefore || id == null || owner == null || version == null) {
      return null;
    }
    try {
      DataProduct product = new DataProduct(id, owner, onCall, description, tags, version, upstream, links, slos);
      return new LocatedProduct(product, problems.source(), map.line("id"), upstreamLines);
    } catch (IllegalArgumentException e) {
      problems.error(map.line(), "", e.getMessage());
      return null;
    }
  }

  private static String semver(String text) {
    if (!SEMVER.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a semantic version such as 1.4.0, got '" + text + "'");
    }
    return text;
  }

  private static List<Contact> contacts(YamlMap map) {
    List<Contact> contacts = new ArrayList<>();
    List<Node> items = map.list("onCall");
    for (int i = 0; i < items.size(); i++) {
      String field = map.field("onCall") + "[" + i + "]";
      YamlMap entry = map.map(items.get(i), field);
      if (entry == null) {
        continue;
      }
      if (entry.keys().size() != 1) {
        map.problems().error(entry.line(), field,
            "each on-call entry has exactly one of " + String.join(", ", CONTACT_KINDS) + ", got " + entry.keys().size());
        continue;
      }
      entry.allowOnly(CONTACT_KINDS);
      String kind = entry.keys().iterator().next();
      if (!CONTACT_KINDS.contains(kind)) {
        continue;
      }
      Contact contact = entry.value(kind, true, "text", target -> contact(kind, target));
      if (contact != null) {
        contacts.add(contact);
      }
    }
    return contacts;
  }

  private static Contact contact(String kind, String target) {
    if (kind.equals("email") && !target.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("must be an e-mail address, got '" + target + "'");
    }
    if (kind.equals("webhook")) {
      URI uri = url(target);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("must be an http or https URL, got '" + target + "'");
      }
    }
    return new Contact(Contact.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), target);
  }

  private static List<ProductId> upstream(YamlMap map, @Nullable ProductId id, List<Integer> lines) {
    List<ProductId> upstream = new ArrayList<>();
    List<Node> items = map.list("upstream");
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String field = map.field("upstream") + "[" + i + "]";
      ProductId parsed = map.value(item, field, "a product id", ProductId::parse);
      if (parsed == null) {
        continue;
      }
      if (parsed.equals(id)) {
        map.problems().error(item, field, "a product cannot be its own upstream");
      } else if (upstream.contains(parsed)) {
        map.problems().warning(item, field, parsed + " is listed twice");
      } else {
        upstream.add(parsed);
        lines.add(Problems.line(item));
      }
    }
    return upstream;
  }

  private static Links links(YamlMap map) {
    YamlMap links = map.map("links");
    if (links == null) {
      return Links.NONE;
    }
    links.allowOnly(LINKS);
    return new Links(links.value("runbook", false, "a URL", ProductReader::url),
        links.value("docs", false, "a URL", ProductReader::url),
        links.value("dashboard", false, "a URL", ProductReader::url));
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute()) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be an absolute URL such as https://wiki.example.com/page, got '" + text + "'");
  }
}
