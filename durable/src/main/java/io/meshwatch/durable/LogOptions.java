package io.meshwatch.durable;

/**
 * How a {@link DurableLog} writes: its {@link FsyncPolicy} and the size at which it starts a new
 * segment file.
 */
public record LogOptions(FsyncPolicy fsync, long segmentBytes) {

  /** Segments roll over at 64 MiB: big enough to be written sequentially, small enough to delete often. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** No explicit fsync, 64 MiB segments. */
  public static final LogOptions DEFAULTS = new LogOptions(FsyncPolicy.NONE, DEFAULT_SEGMENT_BYTES);

  public LogOptions {
    if (fsync == null) {
      throw new IllegalArgumentException("log options need an fsync policy");
    }
    if (segmentBytes < 1024) {
      throw new IllegalArgumentException("segmentBytes must be at least 1024, got " + segmentBytes);
    }
  }

  /** These options with {@code policy}. */
  public LogOptions withFsync(FsyncPolicy policy) {
    return new LogOptions(policy, segmentBytes);
  }

  /** These options with segments of {@code bytes}. */
  public LogOptions withSegmentBytes(long bytes) {
    return new LogOptions(fsync, bytes);
  }
}
