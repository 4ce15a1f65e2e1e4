package io.meshwatch.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format version of a data dir, one line in {@code <dir>/format}: {@code meshwatch data dir
 * format 2}. A data dir without the file is of the format before there was one, which the caller
 * names. Reading refuses a version newer than the reader knows, naming both, so an older program
 * never misreads a newer one's files; a newer program migrates an older data dir, then writes its
 * version.
 *
 * <pre>{@code
 * int found = DataDirFormat.check(dataDir, 2, 1);   // throws for 3 and later
 * if (found < 2) { migrate(dataDir, found); }
 * DataDirFormat.write(dataDir, 2);
 * }</pre>
 */
public final class DataDirFormat {
  public static final String FILE = "format";
  private static final Pattern LINE = Pattern.compile("meshwatch data dir format (\\d{1,9})\\s*");

  private DataDirFormat() {}

  /**
   * The format of {@code dir}: the version in its format file, or {@code unmarked} when it has none.
   *
   * @throws UnsupportedFormatException when the version is newer than {@code supported}
   * @throws IOException when the file cannot be read or does not say a version
   */
  public static int check(Path dir, int supported, int unmarked) throws IOException {
    int found = read(dir, unmarked);
    if (found > supported) {
      throw new UnsupportedFormatException(dir, found, supported);
    }
    return found;
  }

  /** The version in {@code dir}'s format file, or {@code unmarked} when there is none. */
  public static int read(Path dir, int unmarked) throws IOException {
    Path file = dir.resolve(FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return unmarked;
    }
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      throw new IOException("cannot read the data dir format in " + file + ": it should say 'meshwatch data dir format N'"
          + ", it says '" + text.strip() + "'");
    }
    return Integer.parseInt(m.group(1));
  }

  /** Marks {@code dir} as of format {@code version}, durably (written aside, flushed, renamed). */
  public static void write(Path dir, int version) throws IOException {
    Path temp = dir.resolve(FILE + ".tmp");
    Files.writeString(temp, "meshwatch data dir format " + version + "\n", StandardCharsets.US_ASCII);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DirectoryFsync.force(dir);
  }
}
