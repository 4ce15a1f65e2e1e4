package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's table is complete: every query parameter, path parameter and body field the handlers
 * read has an entry, read through it (never straight off the request), and README lists them all.
 */
class ApiBoundsTest {

  private static final Path HTTP = Path.of(System.getProperty("basedir", "."),
      "src", "main", "java", "io", "meshwatch", "collector", "http");
  /** A parameter read through ApiParameters: {@code params.text("domain", ApiBounds.SLOS_DOMAIN)}. */
  private static final Pattern PARAMETER = Pattern.compile("\\.(?:choice|text|path|duration)\\(\"(\\w+)\", ApiBounds\\.(\\w+)");
  /** A parameter read off the request itself, bypassing its bound. */
  private static final Pattern RAW = Pattern.compile("(?:queryParams\\(\\)\\.get|pathParam)\\(\"(\\w+)\"");
  /** A body field: {@code JsonBodies.text(body, "by")}, {@code body.get("matchers")}, {@code flag(item, "isRegex", ..)}. */
  private static final Pattern BODY = Pattern.compile("(?:\\((?:body|item), |(?:body|item)\\.(?:get|path|has|hasNonNull)\\()\"(\\w+)\"");

  @Test
  void handlers_readEveryParameterThroughItsEntry() throws IOException {
    for (Path source : sources()) {
      String text = Files.readString(source);
      Matcher read = PARAMETER.matcher(text);
      while (read.find()) {
        Field<?> field = constant(read.group(2));
        assertThat(field.name()).as(source.getFileName() + " reads " + read.group(1)).endsWith(" " + read.group(1));
      }
      Matcher raw = RAW.matcher(text);
      while (raw.find()) {
        // Only a product id is read straight off the path: ProductId's own pattern holds it to its entry's length.
        assertThat(raw.group(1)).as(source.getFileName() + " reads a parameter past its bound").isEqualTo("id");
        assertThat(source.getFileName().toString()).isEqualTo("ProductsHandler.java");
      }
    }
  }

  @Test
  void handlers_readOnlyBodyFieldsTheTableBounds() throws IOException {
    Set<String> read = new TreeSet<>();
    for (Path source : sources()) {
      Matcher body = BODY.matcher(Files.readString(source));
      while (body.find()) {
        read.add(body.group(1));
      }
    }
    Set<String> bounded = ApiBounds.TABLE.names().stream()
        .map(name -> name.substring(name.lastIndexOf(' ') + 1).replace("matchers[].", "").replace("[]", ""))
        .collect(Collectors.toSet());

    assertThat(read).contains("by", "comment", "matchers", "duration", "isRegex");
    assertThat(bounded).containsAll(read);
  }

  @Test
  void readme_listsEveryBoundOfTheApi() throws IOException {
    Path readme = Path.of(System.getProperty("basedir", "."), "..", "README.md");

    assertThat(Files.readString(readme)).contains(ApiBounds.TABLE.markdown());
  }

  private static Field<?> constant(String name) {
    try {
      return (Field<?>) ApiBounds.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("ApiBounds has no entry " + name, e);
    }
  }

  private static List<Path> sources() throws IOException {
    try (var files = Files.list(HTTP)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
