package io.meshwatch.collector.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many write requests (ingest, descriptors, silences, acknowledgements) are in flight across
 * every event loop, against {@code server.maxConcurrentWrites}: each holds its body and decoded
 * signals in memory until answered, so beyond the limit the collector as a whole is overloaded.
 */
final class WriteLoad {

  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();

  WriteLoad(int max) {
    this.max = max;
  }

  /** Takes a place for a write; false when all are taken (nothing taken then). */
  boolean tryStart() {
    while (true) {
      int current = inFlight.get();
      if (current >= max) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  int max() {
    return max;
  }
}
