package io.meshwatch.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every use of the {@link DurableLog} keeps, whatever its records hold (the collector's
 * journal, alerting's outbox, the raw log): every acknowledged record comes back in order across
 * restarts, snapshots and rollovers; one flipped byte anywhere in its files loses at most the one
 * record it hit (none in a snapshot or a header), is counted, and never makes the start fail; a torn
 * last write loses only itself and is no damage. The log's files may lie anywhere under the
 * subject's directory; other files there are laid out as they were but not damaged. A use subclasses this with a {@link Subject} that
 * stores records carrying an id, on segments of {@link #SEGMENT_BYTES}.
 */
public abstract class DurableLogContract {

  /** The segment size subjects use, so that a few records span several segments. */
  protected static final long SEGMENT_BYTES = 1024;

  /** One use of the log, open on a directory: it appends records that carry an id and recovers them. */
  protected interface Subject extends AutoCloseable {
    /** Appends the record of {@code id}; it is acknowledged once this returns. */
    void append(int id) throws Exception;

    /** Snapshots (or compacts), as the use does now and then. */
    void checkpoint() throws Exception;

    /** The ids of the records it recovered when it opened, in order. */
    List<Integer> recovered();

    /** The damage found when it opened. */
    Damage damage();
  }

  /** Opens the use on {@code dir} (created if missing) with segments of {@link #SEGMENT_BYTES}. */
  protected abstract Subject open(Path dir) throws Exception;

  /** Records appended before, between and after the two checkpoints of {@link #written}. */
  protected int recordsPerPhase() {
    return 5;
  }

  @TempDir
  Path tmp;

  @Test
  void reopen_recoversEveryRecordInOrder() throws Exception {
    Path dir = tmp.resolve("log");
    try (Subject subject = open(dir)) {
      for (int id = 1; id <= 3 * recordsPerPhase(); id++) {
        subject.append(id);
      }
    }
    try (Subject reopened = open(dir)) {
      assertThat(reopened.recovered()).isEqualTo(ids(1, 3 * recordsPerPhase()));
      assertThat(reopened.damage()).isEqualTo(Damage.NONE);
    }
  }

  @Test
  void reopen_afterCheckpointsAndRestarts_recoversEveryRecord() throws Exception {
    Path dir = tmp.resolve("log");
    List<Integer> expected = written(dir);
    int next = expected.size() + 1;
    for (int restart = 0; restart < 3; restart++, next++) {
      try (Subject reopened = open(dir)) {
        assertThat(reopened.recovered()).isEqualTo(expected);
        assertThat(reopened.damage()).isEqualTo(Damage.NONE);
        reopened.append(next);
        if (restart == 1) {
          reopened.checkpoint();
        }
      }
      expected = new ArrayList<>(expected);
      expected.add(next);
    }
  }

  @Test
  void flippedByte_atEveryOffsetOfEveryFile_losesAtMostTheRecordItHit_countsIt_andNeverFails() throws Exception {
    Path pristine = tmp.resolve("pristine");
    List<Integer> expected = written(pristine);
    Map<Path, byte[]> files = contents(pristine);
    assertThat(files.keySet()).anyMatch(DurableLogContract::isSnapshot).anyMatch(DurableLogContract::isSegment);
    int run = 0;
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      if (!isSnapshot(file.getKey()) && !isSegment(file.getKey())) {
        continue;
      }
      boolean lossless = !file.getKey().toString().endsWith(".seg");
      for (int offset = 0; offset < file.getValue().length; offset++, run++) {
        Path dir = tmp.resolve("flip-" + run);
        lay(dir, files);
        byte[] damaged = file.getValue().clone();
        damaged[offset] ^= (byte) 0xFF;
        Files.write(dir.resolve(file.getKey()), damaged);
        String where = file.getKey() + " at offset " + offset;
        List<Integer> recovered;
        try (Subject subject = open(dir)) {
          recovered = subject.recovered();
          assertThat(subject.damage().isNone()).as("damage counted for a flip in %s", where).isFalse();
        }
        boolean exact = lossless || offset < SegmentFormat.HEADER_BYTES;
        assertThat(expected).as("recovered %s after a flip in %s", recovered, where).containsSubsequence(recovered);
        assertThat(recovered).as("after a flip in %s", where).hasSizeGreaterThanOrEqualTo(expected.size() - (exact ? 0 : 1));
        if (run % 11 == 0) {
          reopenAppendReopen(dir, recovered, expected.size() + 1, where);
        }
        deleteTree(dir);
      }
    }
  }

  /** Damage found once is moved aside: the next start finds none, and the log takes records again. */
  private void reopenAppendReopen(Path dir, List<Integer> recovered, int next, String where) throws Exception {
    try (Subject again = open(dir)) {
      assertThat(again.recovered()).as("second start after a flip in %s", where).isEqualTo(recovered);
      assertThat(again.damage()).as("second start after a flip in %s", where).isEqualTo(Damage.NONE);
      again.append(next);
    }
    try (Subject third = open(dir)) {
      assertThat(third.recovered()).as("third start after a flip in %s", where).endsWith(next).hasSize(recovered.size() + 1);
    }
  }

  @Test
  void tornLastWrite_atEveryLength_losesOnlyThatRecord_andIsNoDamage() throws Exception {
    Path pristine = tmp.resolve("pristine");
    List<Integer> expected = written(pristine);
    Path last;
    try (Stream<Path> segments = Files.walk(pristine)) {
      last = segments.filter(DurableLogContract::isSegment).max(Comparator.naturalOrder()).orElseThrow();
    }
    long base = Long.parseLong(last.getFileName().toString().substring(0, 20));
    long[] lastFrame = new long[2];
    long[] end = {SegmentFormat.HEADER_BYTES};
    SegmentScan.scan(last, base, Files.size(last), true, (sequence, bytes, at, frame) -> {
      lastFrame[0] = end[0];
      lastFrame[1] = frame;
      end[0] += frame;
    });
    assertThat(end[0]).isEqualTo(Files.size(last));
    Map<Path, byte[]> files = contents(pristine);
    List<Integer> withoutLast = expected.subList(0, expected.size() - 1);
    for (long cut = lastFrame[0]; cut < end[0]; cut++) {
      Path dir = tmp.resolve("torn-" + cut);
      lay(dir, files);
      try (FileChannel channel = FileChannel.open(dir.resolve(pristine.relativize(last)), StandardOpenOption.WRITE)) {
        channel.truncate(cut);
      }
      try (Subject subject = open(dir)) {
        assertThat(subject.recovered()).as("torn at %d", cut).isEqualTo(withoutLast);
        assertThat(subject.damage()).as("torn at %d", cut).isEqualTo(Damage.NONE);
        subject.append(1000);
      }
      try (Subject reopened = open(dir)) {
        assertThat(reopened.recovered()).as("torn at %d, then appended", cut).endsWith(1000).hasSize(expected.size());
      }
      deleteTree(dir);
    }
  }

  /** Records before a checkpoint, between it and a second one, and after: the layout a running use leaves. */
  private List<Integer> written(Path dir) throws Exception {
    int n = recordsPerPhase();
    try (Subject subject = open(dir)) {
      for (int id = 1; id <= 3 * n; id++) {
        subject.append(id);
        if (id % n == 0 && id < 3 * n) {
          subject.checkpoint();
        }
      }
    }
    return ids(1, 3 * n);
  }

  private static List<Integer> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  private static boolean isSegment(Path file) {
    return file.getFileName().toString().endsWith(SegmentFormat.SUFFIX);
  }

  private static boolean isSnapshot(Path file) {
    return file.getFileName().toString().endsWith(".snap");
  }

  /** Every file under {@code dir}, by path relative to it. */
  private static Map<Path, byte[]> contents(Path dir) throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(dir.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void lay(Path dir, Map<Path, byte[]> files) throws IOException {
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
