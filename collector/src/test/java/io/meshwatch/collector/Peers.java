package io.meshwatch.collector;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real programs tests run against; scripts/install-peers.sh installs them. */
final class Peers {

  private Peers() {}

  static String promtool() {
    return find("PROMTOOL", "promtool", "prometheus");
  }

  private static String find(String envVariable, String binary, String debianPackage) {
    String override = System.getenv(envVariable);
    if (override != null && Files.isExecutable(Path.of(override))) {
      return override;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(binary + " not found on PATH (or $" + envVariable + "): run scripts/install-peers.sh, "
        + "which installs Debian's package '" + debianPackage + "'");
  }
}
