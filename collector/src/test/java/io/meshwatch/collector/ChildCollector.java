package io.meshwatch.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector in a JVM of its own, for tests that kill it with SIGKILL: a main class that prints
 * {@code PORT <n>} once listening and answers {@code OK} to each command read from stdin
 * ({@link CrashTestCollectorMain}, {@link AlertingCrashMain}).
 */
record ChildCollector(Process process, BufferedReader out, Writer in, URI uri) {

  /** Starts {@code main} with {@code args}; the process is added to {@code children} so the test can always stop it. */
  static ChildCollector start(List<Process> children, Class<?> main, String... args) throws IOException {
    return start(children, List.of(), main, args);
  }

  /**
   * Like {@link #start(List, Class, String...)}, in a shell that first sets {@code ulimit <option> <value>},
   * e.g. {@code -n 512} (open files) or {@code -f 64} (file size, KiB).
   */
  static ChildCollector startUnderUlimit(List<Process> children, String option, long value, Class<?> main, String... args)
      throws IOException {
    if (!option.matches("-[a-z]")) {
      throw new IllegalArgumentException("not a ulimit option: " + option);
    }
    return start(children, List.of("bash", "-c", "ulimit " + option + " \"$0\" && exec \"$@\"", Long.toString(value)),
        main, args);
  }

  private static ChildCollector start(List<Process> children, List<String> prefix, Class<?> main, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    children.add(process);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
      if (line == null) {
        throw new IOException("the child collector exited before listening");
      }
    } while (!line.startsWith("PORT "));
    URI uri = URI.create("http://127.0.0.1:" + line.substring(5).trim());
    return new ChildCollector(process, out, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), uri);
  }

  void command(String command) throws IOException {
    ask(command);
  }

  /** Sends {@code command} and returns the lines the child printed before its {@code OK}. */
  List<String> ask(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
    List<String> lines = new ArrayList<>();
    for (String reply = out.readLine(); !"OK".equals(reply); reply = out.readLine()) {
      if (reply == null) {
        throw new IOException("the child collector is gone");
      }
      lines.add(reply);
    }
    return lines;
  }
}
