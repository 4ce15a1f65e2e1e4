package io.meshwatch.collector.cli;

import io.meshwatch.collector.MeshwatchCollector;
import java.util.concurrent.CountDownLatch;

/** Keeps a started collector running until the JVM is asked to stop, then closes it cleanly. */
final class CollectorRuntime {

  private CollectorRuntime() {}

  static int runUntilStopped(AutoCloseable... resources) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          System.err.println("meshwatch: error while stopping: " + e.getMessage());
        }
      }
      stopped.countDown();
    }, "meshwatch-shutdown"));
    stopped.await();
    return 0;
  }
}
