package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.MarkdownBlocks;
import io.meshwatch.model.SliKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/DESCRIPTORS.md documents the schema; this keeps its examples valid and its tables complete. */
class DescriptorsDocTest {

  static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "DESCRIPTORS.md");

  @Test
  void descriptorsDoc_listsEveryBound() throws IOException {
    assertThat(Files.readString(DOC)).contains(io.meshwatch.collector.guard.DescriptorBounds.TABLE.markdown());
  }

  @Test
  void descriptorsDoc_everyYamlAndJsonExampleParsesWithoutProblems() throws IOException {
    String doc = Files.readString(DOC);
    List<String> blocks = new ArrayList<>(MarkdownBlocks.fenced(doc, "yaml"));
    blocks.addAll(MarkdownBlocks.fenced(doc, "json"));

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    for (String block : blocks) {
      ParseResult result = new DescriptorParser().parse("DESCRIPTORS.md", block);
      assertThat(result.problems()).as(block).isEmpty();
      assertThat(result.products()).as(block).hasSize(1);
    }
  }

  @Test
  void descriptorsDoc_namesEveryFieldSliKindAndContactKind() throws IOException {
    String doc = Files.readString(DOC);
    List<String> names = new ArrayList<>(ProductReader.FIELDS);
    names.addAll(SloReader.FIELDS);
    for (SliKind kind : SliKind.values()) {
      names.add(kind.label());
    }
    for (String name : names) {
      assertThat(doc).as("docs/DESCRIPTORS.md documents `%s`", name).contains("| `" + name + "` |");
    }
    for (String contact : ProductReader.CONTACT_KINDS) {
      assertThat(doc).contains("`" + contact + "`");
    }
  }

}
