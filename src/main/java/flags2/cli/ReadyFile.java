package flags2.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code serve --ready-file FILE}: the ready lines, written to a hidden name beside FILE and
 * renamed into place once every server listens, so a script that sees FILE can read all of it;
 * deleted again when the servers stop, so a stale file never says a stopped server is ready.
 */
final class ReadyFile implements AutoCloseable {
  private final Path file;

  private ReadyFile(Path file) {
    this.file = file;
  }

  /**
   * Writes {@code lines} to {@code file} (null: no file) at once, replacing what was there.
   *
   * @throws IOException with a one-line message naming the file and the reason
   */
  static ReadyFile write(Path file, List<String> lines) throws IOException {
    if (file == null) {
      return new ReadyFile(null);
    }
    Path absolute = file.toAbsolutePath();
    Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".part");
    try {
      Files.write(tmp, lines);
      Files.move(
          tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      String why =
          e instanceof NoSuchFileException
              ? "no such directory"
              : e instanceof AccessDeniedException ? "permission denied" : e.toString();
      throw new IOException("cannot write --ready-file '" + file + "': " + why, e);
    }
    return new ReadyFile(absolute);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}
