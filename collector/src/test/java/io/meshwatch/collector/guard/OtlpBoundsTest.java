package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OTLP table is complete: every field of every protobuf message the decoder walks (from
 * ExportMetricsServiceRequest down, through every field the table does not mark as never read) has an
 * entry, and every field whose accessor the decoder's sources call is bounded, not "not read". A new
 * protobuf field, or a decoder that starts reading a field, fails here until the table says its bound.
 */
class OtlpBoundsTest {

  private static final Path INGEST = Path.of(System.getProperty("basedir", "."),
      "src", "main", "java", "io", "meshwatch", "collector", "ingest");
  private static final Pattern ACCESSOR = Pattern.compile("\\.((?:get|has)[A-Z]\\w*)\\(");

  private final BoundsTable table = new OtlpBounds(Duration.ofMinutes(5), Duration.ofHours(1)).table();

  @Test
  void table_hasAnEntryForEveryFieldOfEveryMessageTheDecoderWalks() {
    assertThat(walkedFields().keySet()).allSatisfy(field -> assertThat(table.find(field)).as(field).isPresent());
  }

  @Test
  void table_boundsEveryFieldTheDecoderReads() throws IOException {
    Map<String, List<String>> fieldsByAccessor = accessors(walkedFields());
    Set<String> read = new TreeSet<>();
    try (Stream<Path> sources = Files.list(INGEST)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher calls = ACCESSOR.matcher(Files.readString(source));
        while (calls.find()) {
          read.addAll(fieldsByAccessor.getOrDefault(calls.group(1), List.of()));
        }
      }
    }

    assertThat(read).contains("NumberDataPoint.time_unix_nano", "HistogramDataPoint.sum", "KeyValue.key");
    assertThat(read).allSatisfy(field ->
        assertThat(table.get(field).bound()).as(field + " is read").isNotInstanceOf(Bound.Ignored.class));
  }

  @Test
  void table_namesEveryAttributeOfTheContractAndOnlyRealFields() {
    Set<String> others = new HashSet<>(table.names());
    others.removeAll(walkedFields().keySet());

    assertThat(others).containsExactlyInAnyOrder(SignalContract.RESOURCE_PRODUCT, SignalContract.RESOURCE_DOMAIN,
        SignalContract.RESOURCE_SERVICE_NAME, SignalContract.ATTR_CHECK, SignalContract.ATTR_CONSUMER,
        SignalContract.ATTR_OUTCOME, SignalContract.ATTR_RUN_STATUS, SignalContract.FRESHNESS_DATA_TIME + " value",
        "point attribute key", "point attribute value", "summed count", "summed seconds");
  }

  @Test
  void contractDoc_listsEveryBoundAsTheDecoderHoldsIt() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "CONTRACT.md");

    assertThat(Files.readString(doc)).contains(table.markdown());
  }

  /** {@code Message.field} of every field reachable from the request through fields the table does not ignore. */
  private Map<String, FieldDescriptor> walkedFields() {
    Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
    Deque<Descriptor> messages = new ArrayDeque<>(List.of(ExportMetricsServiceRequest.getDescriptor()));
    Set<String> seen = new HashSet<>();
    while (!messages.isEmpty()) {
      Descriptor message = messages.poll();
      if (!seen.add(message.getFullName())) {
        continue;
      }
      for (FieldDescriptor field : message.getFields()) {
        String name = message.getName() + "." + field.getName();
        fields.put(name, field);
        boolean pruned = table.find(name).map(f -> f.bound() instanceof Bound.Ignored || f.bound() instanceof Bound.Refused)
            .orElse(false);
        if (field.getType() == FieldDescriptor.Type.MESSAGE && !pruned) {
          messages.add(field.getMessageType());
        }
      }
    }
    return fields;
  }

  /**
   * The accessors protobuf generates for each field, to the fields they read. A oneof's case
   * ({@code getValueCase}) only tells which field is set and reads none.
   */
  private static Map<String, List<String>> accessors(Map<String, FieldDescriptor> fields) {
    Map<String, List<String>> byAccessor = new HashMap<>();
    fields.forEach((name, field) -> {
      String camel = camel(field.getName());
      List<String> names = new ArrayList<>(List.of("get" + camel, "has" + camel, "get" + camel + "List",
          "get" + camel + "Count", "get" + camel + "Value", "get" + camel + "OrBuilder"));
      names.forEach(accessor -> byAccessor.computeIfAbsent(accessor, a -> new ArrayList<>()).add(name));
    });
    return byAccessor;
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
