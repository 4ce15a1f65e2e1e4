package io.meshwatch.collector.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwatch.collector.descriptor.DescriptorJson;
import io.meshwatch.collector.descriptor.DescriptorParser;
import io.meshwatch.collector.descriptor.ParseResult;
import io.meshwatch.model.DataProduct;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps descriptors registered through the API in {@code <data-dir>/products}, one JSON file per
 * product, written to a temp file, synced and renamed, so an acknowledged registration survives a crash.
 */
public final class DescriptorStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public DescriptorStore(Path dataDir) {
    this.dir = dataDir.resolve("products");
  }

  /** Where the descriptors are kept, {@code <data-dir>/products}. */
  public Path directory() {
    return dir;
  }

  public void save(DataProduct product) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(product.id() + ".json");
    Path temp = dir.resolve(product.id() + ".json.tmp");
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(DescriptorJson.toMap(product));
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every stored descriptor; problems (a file edited by hand, say) are in the result, not thrown. */
  public ParseResult loadAll() {
    if (!Files.isDirectory(dir)) {
      return new ParseResult(java.util.List.of(), java.util.List.of());
    }
    return new DescriptorParser().parseDirectory(dir);
  }
}
