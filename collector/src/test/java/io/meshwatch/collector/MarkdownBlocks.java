package io.meshwatch.collector;

import java.util.ArrayList;
import java.util.List;

/** Reads the fenced code blocks of a markdown page, for tests that keep docs' examples valid. */
public final class MarkdownBlocks {

  private MarkdownBlocks() {}

  /** The contents of the blocks fenced as {@code ```language}, in page order. */
  public static List<String> fenced(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : markdown.split("\n", -1)) {
      if (block == null && line.equals("```" + language)) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
