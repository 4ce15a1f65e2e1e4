package io.meshwatch.agent;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running a piece of code, from HotSpot's per-thread counter. */
final class ThreadAllocation {

  private ThreadAllocation() {}

  static long bytesAllocatedBy(Runnable work) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeThat(threads.isThreadAllocatedMemorySupported()).as("per-thread allocation counter").isTrue();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
