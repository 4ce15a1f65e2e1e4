package io.meshwatch.collector.journal;

/**
 * How a {@link Journal} writes: its {@link FsyncPolicy} and the size at which it starts a new
 * segment file.
 */
public record JournalOptions(FsyncPolicy fsync, long segmentBytes) {

  /** Segments roll over at 64 MiB: big enough to be written sequentially, small enough to delete often. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** No explicit fsync, 64 MiB segments. */
  public static final JournalOptions DEFAULTS = new JournalOptions(FsyncPolicy.NONE, DEFAULT_SEGMENT_BYTES);

  public JournalOptions {
    if (fsync == null) {
      throw new IllegalArgumentException("journal options need an fsync policy");
    }
    if (segmentBytes < 1024) {
      throw new IllegalArgumentException("segmentBytes must be at least 1024, got " + segmentBytes);
    }
  }

  /** These options with {@code policy}. */
  public JournalOptions withFsync(FsyncPolicy policy) {
    return new JournalOptions(policy, segmentBytes);
  }

  /** These options with segments of {@code bytes}. */
  public JournalOptions withSegmentBytes(long bytes) {
    return new JournalOptions(fsync, bytes);
  }
}
