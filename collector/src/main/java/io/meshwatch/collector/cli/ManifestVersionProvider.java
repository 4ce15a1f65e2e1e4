package io.meshwatch.collector.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest by the build ({@code Implementation-Version}), or "dev". */
final class ManifestVersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    Package pkg = ManifestVersionProvider.class.getPackage();
    return new String[] {"meshwatch " + version(pkg == null ? null : pkg.getImplementationVersion())};
  }

  static String version(@Nullable String implementationVersion) {
    return implementationVersion == null || implementationVersion.isBlank() ? "dev" : implementationVersion;
  }
}
