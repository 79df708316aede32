package flags2.download;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The concurrency the process's open-file limit ({@code ulimit -n}) allows: each connection needs a
 * socket (two when the server is embedded) and a temporary file. Lowered with a note, so a run
 * under a small limit completes instead of failing codes with "Too many open files".
 */
final class OpenFileLimit {
  /** File descriptors kept free for the JVM, jars, logs and temporary files. */
  private static final int SPARE_FILES = 64;

  private OpenFileLimit() {}

  /** {@code concurrency}, or less with a note on {@code notes} when the limit is too low for it. */
  static int apply(int concurrency, boolean embedded, PrintStream notes) {
    return apply(concurrency, embedded, notes, FileDescriptors::current);
  }

  /**
   * As above, with the limit read from {@code limits}; a concurrency of 32 or less never reads it,
   * since the default limit of 1024 allows that much (and reading costs a short run its time).
   */
  static int apply(
      int concurrency,
      boolean embedded,
      PrintStream notes,
      Supplier<Optional<FileDescriptors>> limits) {
    Optional<FileDescriptors> files = concurrency <= 32 ? Optional.empty() : limits.get();
    if (files.isEmpty()) {
      return concurrency;
    }
    long free = files.get().max() - files.get().open() - SPARE_FILES;
    int allowed = (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / (embedded ? 3 : 2)));
    if (allowed >= concurrency) {
      return concurrency;
    }
    notes.printf(
        "note: the open-file limit (ulimit -n %d) allows %d concurrent connections; using %d%n",
        files.get().max(), allowed, allowed);
    return allowed;
  }

  /** The process's open-file limit ({@code ulimit -n}) and how many files it has open. */
  record FileDescriptors(long max, long open) {
    /**
     * Read from /proc on Linux (the JDK's operating-system MXBean tells the same but takes about 35
     * ms to set up, a fifth of a short run), else from that MXBean; empty when neither tells.
     */
    static Optional<FileDescriptors> current() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
          if (line.startsWith("Max open files")) {
            String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
            try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
              return Optional.of(
                  new FileDescriptors(
                      soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft),
                      open.count()));
            }
          }
        }
      } catch (IOException | RuntimeException notLinux) {
        // ask the JDK
      }
      return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os
          ? Optional.of(
              new FileDescriptors(os.getMaxFileDescriptorCount(), os.getOpenFileDescriptorCount()))
          : Optional.empty();
    }
  }
}
