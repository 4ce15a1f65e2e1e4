package io.meshwatch.dashboards;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Type-checks dashboard JSON against Grafana's published dashboard model: each JSON goes into a
 * TypeScript file as an object literal of type {@code MeshwatchDashboard} (src/test/typescript/grafana-json.ts,
 * built from {@code @grafana/schema}) and {@code tsc --strict} compiles them. The npm packages are
 * pinned by src/test/typescript/package-lock.json and installed with {@code npm ci} into
 * target/typescript on first use.
 *
 * <p>Without node and npm the check is skipped on a developer machine but fails when {@code CI=true}:
 * scripts/install-peers.sh installs them (Debian packages {@code nodejs}, {@code npm}).
 */
final class DashboardTypeCheck {
  static final String MISSING = "node and npm not found: run scripts/install-peers.sh or apt-get install nodejs npm";
  private static final Path SOURCES = Path.of("src", "test", "typescript");
  private static final List<String> PROJECT_FILES =
      List.of("package.json", "package-lock.json", "tsconfig.json", "grafana-json.ts");
  private static final String CHECKED_SUFFIX = ".check.ts";

  /** tsc's exit code and its diagnostics, one per line, e.g. {@code good.check.ts(12,5): error TS2353: ...}. */
  record Result(int exitCode, String output) {
    /** The diagnostics of one checked file. */
    List<String> errorsIn(String name) {
      return output.lines().filter(line -> line.startsWith(name + CHECKED_SUFFIX + "(")).toList();
    }
  }

  private final Path workDir;

  DashboardTypeCheck(Path workDir) {
    this.workDir = workDir;
  }

  /** A check in target/typescript, with node_modules installed; skips or fails (CI) without node. */
  static DashboardTypeCheck prepared() throws IOException, InterruptedException {
    Optional<Path> node = onPath("node");
    Optional<Path> npm = onPath("npm");
    if (node.isEmpty() || npm.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(MISSING + " (CI=true: the type check must run)");
      }
      Assumptions.abort(MISSING);
    }
    DashboardTypeCheck check = new DashboardTypeCheck(Path.of("target", "typescript").toAbsolutePath());
    check.install(npm.get());
    return check;
  }

  private void install(Path npm) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    boolean lockChanged = false;
    for (String name : PROJECT_FILES) {
      byte[] source = Files.readAllBytes(SOURCES.resolve(name));
      Path copy = workDir.resolve(name);
      if (!Files.exists(copy) || !Arrays.equals(Files.readAllBytes(copy), source)) {
        Files.write(copy, source);
        lockChanged |= name.startsWith("package");
      }
    }
    if (lockChanged || !Files.isRegularFile(tsc())) {
      Result installed = run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), 180);
      if (installed.exitCode() != 0 || !Files.isRegularFile(tsc())) {
        fail("npm ci in " + workDir + " failed (exit " + installed.exitCode() + "):\n" + installed.output());
      }
    }
  }

  /** Compiles one file per entry (name → dashboard JSON) in one tsc run. */
  Result check(Map<String, String> jsonByName) throws IOException, InterruptedException {
    try (Stream<Path> old = Files.list(workDir)) {
      for (Path file : old.filter(p -> p.getFileName().toString().endsWith(CHECKED_SUFFIX)).toList()) {
        Files.delete(file);
      }
    }
    for (Map.Entry<String, String> entry : jsonByName.entrySet()) {
      String source = "import type { MeshwatchDashboard } from './grafana-json';\n\n"
          + "export const dashboard: MeshwatchDashboard = " + entry.getValue().strip() + ";\n";
      Files.writeString(workDir.resolve(entry.getKey() + CHECKED_SUFFIX), source, StandardCharsets.UTF_8);
    }
    Optional<Path> node = onPath("node");
    return run(List.of(node.orElseThrow().toString(), tsc().toString(), "-p", "tsconfig.json", "--noEmit", "--strict",
        "--pretty", "false"), 120);
  }

  private Path tsc() {
    return workDir.resolve(Path.of("node_modules", "typescript", "bin", "tsc"));
  }

  private Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + "s");
    }
    try {
      return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot read the output of " + command, e);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    List<Path> candidates = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, program));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
