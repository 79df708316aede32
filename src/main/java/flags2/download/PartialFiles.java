package flags2.download;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of images being written, {@code .NAME.HOST.PID-RANDOM.part}, hidden in DEST until
 * {@link ImageStore} renames them into place, and the removal of those a dead run left behind.
 */
final class PartialFiles {
  private PartialFiles() {}

  private static final long PID = ProcessHandle.current().pid();

  /** This machine's host name (a container's own), in the characters a file name keeps simple. */
  private static final String HOST = hostName();

  private static final Pattern PARTIAL =
      Pattern.compile("\\..+\\.([A-Za-z0-9-]+)\\.([0-9]+)-[0-9a-z]+\\.part");

  /**
   * Deletes the partial files that runs no longer alive left in {@code dest} (a process killed
   * outright, or halted by a second signal as a worker opened one): each name holds its run's host
   * and pid. Only this host's are judged, so a run on another machine or container sharing DEST is
   * never taken for dead; those of live runs, this one's included, are left alone.
   */
  static void removeStale(Path dest) {
    if (HOST.isEmpty()) {
      return;
    }
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(dest, ".*.part")) {
      for (Path partial : partials) {
        Matcher m = PARTIAL.matcher(partial.getFileName().toString());
        if (m.matches()
            && m.group(1).equals(HOST)
            && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
          Files.deleteIfExists(partial);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // a leftover stays; it is hidden, and the next run tries again
    }
  }

  private static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"))
          .strip()
          .replaceAll("[^A-Za-z0-9-]", "-");
    } catch (IOException | RuntimeException e) {
      return ""; // unknown: stale partial files are then left alone
    }
  }

  /**
   * A hidden name in {@code dir} for a file being written, {@code .NAME.HOST.PID-RANDOM.part}: host
   * and pid tell a later run whether its writer is gone, the random part keeps files apart. (Not
   * Files.createTempFile: its SecureRandom takes longer to seed than a short run's whole start-up.)
   */
  static Path path(Path dir, String name) {
    return dir.resolve(
        "."
            + name
            + "."
            + (HOST.isEmpty() ? "host" : HOST)
            + "."
            + PID
            + "-"
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
            + ".part");
  }

  /** The image a file named by {@link #path} is written for ({@code br.gif}), else its own name. */
  static String imageName(Path file) {
    String name = String.valueOf(file.getFileName());
    int gif = name.indexOf(".gif.");
    return name.startsWith(".") && name.endsWith(".part") && gif > 0
        ? name.substring(1, gif + 4)
        : name;
  }
}
