package flags2.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real tree of images: the book's {@code DIR/flags/{cc}/{cc}.gif} layout (from flags.zip) or a
 * flat {@code DIR/{cc}.gif} folder. Callers pass only validated two-letter codes and known file
 * names, so no request path ever reaches the file system.
 */
final class DirectoryContent implements Content {
  private final Path root;
  private final boolean bookLayout;

  DirectoryContent(Path dir) {
    this.bookLayout = Files.isDirectory(dir.resolve("flags"));
    this.root = bookLayout ? dir.resolve("flags") : dir;
  }

  @Override
  public Optional<Resource> find(String cc, String file) throws IOException {
    Path path = bookLayout ? root.resolve(cc).resolve(file) : root.resolve(file);
    if (!bookLayout && !file.endsWith(".gif") || !Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String type = file.endsWith(".gif") ? "image/gif" : "application/json";
    return Optional.of(new Resource(Files.readAllBytes(path), type));
  }
}
