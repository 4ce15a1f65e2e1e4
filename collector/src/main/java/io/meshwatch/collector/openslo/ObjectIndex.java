package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The named OpenSLO objects of a set of documents, by kind and name, for references between them. */
final class ObjectIndex {

  private final Map<String, Map<String, OpenSloObject>> byKind = new HashMap<>();

  /** Adds {@code object}; a second object of the same kind and name is an error and left out. */
  void add(OpenSloObject object) {
    Map<String, OpenSloObject> named = byKind.computeIfAbsent(object.kind(), kind -> new LinkedHashMap<>());
    OpenSloObject first = named.putIfAbsent(object.name(), object);
    if (first != null) {
      object.problems().error(object.line(), "metadata.name", object.kind() + " '" + object.name()
          + "' is already declared at " + first.source() + ":" + first.line());
    }
  }

  List<OpenSloObject> all(String kind) {
    return new ArrayList<>(byKind.getOrDefault(kind, Map.of()).values());
  }

  @Nullable OpenSloObject get(String kind, String name) {
    return byKind.getOrDefault(kind, Map.of()).get(name);
  }

  /** The {@code kind} named {@code name}, or {@code null} after recording at {@code line} that there is none. */
  @Nullable OpenSloObject resolve(String kind, String name, Problems problems, int line, String field) {
    OpenSloObject found = get(kind, name);
    if (found == null) {
      Map<String, OpenSloObject> named = byKind.getOrDefault(kind, Map.of());
      String hint = Suggestion.closest(name, named.keySet()).map(n -> " (did you mean '" + n + "'?)").orElse("");
      problems.error(line, field, "no " + kind + " named '" + name + "' in the documents read" + hint);
    }
    return found;
  }
}
