package io.meshwatch.collector.journal;

import io.meshwatch.durable.LogOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link JournalCrashTest}: appends batches of {@link TestEntries} of writer
 * "kill" to the journal in {@code args[0]} and prints {@code ack <entries appended so far>} after
 * each append returns, until it is killed.
 */
final class JournalAppenderMain {
  static final String WRITER = "kill";
  private static final long MAX_ENTRIES = 2_000_000;

  private JournalAppenderMain() {}

  public static void main(String[] args) throws IOException {
    exitWhenTheParentGoes();
    PrintStream out = System.out;
    LogOptions options = LogOptions.DEFAULTS.withSegmentBytes(16 << 10);
    try (Journal journal = Journal.open(Path.of(args[0]), options)) {
      long next = 0;
      while (next < MAX_ENTRIES) {
        int size = 1 + (int) (next % 9);
        journal.append(TestEntries.range(WRITER, next, next + size));
        next += size;
        out.println("ack " + next);
        out.flush();
      }
    }
  }

  /** A test JVM that dies without killing us closes our stdin: stop rather than fill the disk. */
  private static void exitWhenTheParentGoes() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // keep reading until end of stream
        }
      } catch (IOException e) {
        // treated like end of stream
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }
}
