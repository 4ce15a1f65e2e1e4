package io.meshwatch.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the files an earlier run wrote that this run no longer produces, through the manifest each
 * run leaves ({@value GeneratedTree#MANIFEST}). Only dashboard JSON and meshwatch rule files are
 * ever deleted: a manifest edited by hand cannot make the generator delete anything else.
 */
final class StaleFiles {
  private static final String HEADER = "# Files written by meshwatch dashboards generate; stale ones are removed on the next run.\n";

  private StaleFiles() {}

  static byte[] manifest(Set<String> paths) {
    return (HEADER + String.join("\n", paths) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Deletes the stale files (and dashboard folders left empty); returns their relative paths, sorted. */
  static List<String> remove(Path outDir, Set<String> current) throws IOException {
    Path manifest = outDir.resolve(GeneratedTree.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return List.of();
    }
    List<String> removed = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#") || current.contains(path) || !deletable(path)) {
        continue;
      }
      Path file = outDir.resolve(path);
      if (Files.deleteIfExists(file)) {
        removed.add(path);
        removeIfEmpty(file.getParent(), outDir.resolve(GeneratedTree.DASHBOARDS));
      }
    }
    removed.sort(null);
    return removed;
  }

  static boolean deletable(String path) {
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    boolean dashboard = segments.length == 3 && segments[0].equals(GeneratedTree.DASHBOARDS)
        && segments[2].endsWith(".json");
    boolean rules = segments.length == 2 && segments[0].equals(GeneratedTree.RULES)
        && segments[1].startsWith("meshwatch-") && segments[1].endsWith(".rules.yml");
    return dashboard || rules;
  }

  /** A removed domain's folder goes too, else Grafana's file provider would keep an empty folder. */
  private static void removeIfEmpty(Path directory, Path dashboardsRoot) throws IOException {
    if (!directory.getParent().equals(dashboardsRoot)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      if (entries.iterator().hasNext()) {
        return;
      }
    }
    Files.deleteIfExists(directory);
  }
}
