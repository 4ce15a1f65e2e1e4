package io.meshwatch.collector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code meshwatch} in-process with captured output, as the tests' stand-in for a shell. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return run(new CommandLine(new MeshwatchCommand()), args);
  }

  static Cli run(CommandLine command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int exitCode = command.execute(args);
    return new Cli(exitCode, out.toString(), err.toString());
  }
}
