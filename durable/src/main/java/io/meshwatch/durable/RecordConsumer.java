package io.meshwatch.durable;

import java.nio.ByteBuffer;

/**
 * Receives the records {@link DurableLog#replay} reads. The payload is a heap buffer positioned at
 * the record's first byte and limited at its last, valid only during the call.
 */
@FunctionalInterface
public interface RecordConsumer {
  /**
   * Takes one record. Throwing skips it: the record is counted as damage (its CRC held, but its
   * payload does not mean anything to this reader) and replay goes on with the next.
   */
  void accept(long sequence, ByteBuffer payload) throws Exception;
}
