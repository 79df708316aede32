package flags2;

import com.sun.management.UnixOperatingSystemMXBean;
import flags2.serve.TestServers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download run from validated options: checks the destination, embeds a test server when the
 * labelled one is missing, runs the strategy, prints the reports and returns the exit status. On
 * Ctrl-C it cancels what is in flight and still prints a report whose counts add up.
 */
final class DownloadRun {
  private static final Logger log = LoggerFactory.getLogger(DownloadRun.class);

  /** File descriptors kept free for the JVM, jars, logs and temporary files. */
  private static final int SPARE_FILES = 64;

  private final Options options;
  private final Env env;

  DownloadRun(Options options, Env env) {
    this.options = options;
    this.env = env;
  }

  /**
   * What a run ended with: its exit status, the counts as reported, and the elapsed time the report
   * printed (zero when no download started).
   */
  record Outcome(ExitStatus status, int ok, int notFound, int errors, Duration elapsed) {
    private static Outcome of(ExitStatus status, StatusCounter counter, Duration elapsed) {
      return new Outcome(
          status,
          counter.get(Status.OK),
          counter.get(Status.NOT_FOUND),
          counter.get(Status.ERROR),
          elapsed);
    }
  }

  Outcome execute() {
    String problem = prepareDestination(options.dest());
    if (problem != null) {
      env.err().println("*** Destination error: " + problem);
      return Outcome.of(ExitStatus.DESTINATION, new StatusCounter(), Duration.ZERO);
    }
    try (TestServers embedded = embedIfMissing()) {
      int concurrency = withinOpenFileLimit(options.concurrency(), embedded != null);
      OkHttpClient client =
          HttpClients.create(concurrency, options.timeout(), options.target().url());
      Downloader downloader =
          new Downloader(
              client,
              options.target().url(),
              options.dest(),
              options.maxSize(),
              options.timeout(),
              RetryPolicy.of(options.retries()));
      try {
        return download(downloader, concurrency);
      } finally {
        HttpClients.shutdown(client);
        downloader.removePartialFiles();
      }
    }
  }

  private Outcome download(Downloader downloader, int concurrency) {
    List<String> codes = options.codes();
    Thread consumer = Thread.currentThread();
    try (Report reporter = report();
        Interrupt.Registration ctrlC =
            env.interrupt()
                .onInterrupt(
                    () -> {
                      consumer.interrupt(); // the consumer stops taking results; the sink drops
                      // cancellation echoes
                      downloader.cancelAll();
                    })) {
      reporter.initial(options.target(), codes, concurrency);
      long start = env.nanoTime().getAsLong();
      boolean interrupted = false;
      try {
        log.debug(
            "{} strategy, {} codes, concurrency {}",
            options.strategy().cliName(),
            codes.size(),
            concurrency);
        options
            .strategy()
            .create()
            .run(
                codes,
                downloader,
                concurrency,
                result -> {
                  log.debug("{}", result);
                  // After Ctrl-C, a failure is the cancellation's own echo ("Socket closed"), and
                  // that code
                  // counts as not attempted; downloads that completed anyway are still counted.
                  if (!(downloader.cancelled() && result.status() == Status.ERROR)) {
                    reporter.accept(result);
                  }
                });
      } catch (InterruptedException e) {
        interrupted = true;
      }
      Duration elapsed = Duration.ofNanos(env.nanoTime().getAsLong() - start);
      ExitStatus status =
          interrupted
              ? ExitStatus.INTERRUPTED
              : reporter.counter().get(Status.ERROR) > 0 ? ExitStatus.ERRORS : ExitStatus.OK;
      reporter.finish(elapsed, codes.size() - reporter.counter().total(), status);
      return Outcome.of(status, reporter.counter(), elapsed);
    }
  }

  /** The JSON object, or the book's report with a progress bar when stderr is a terminal. */
  private Report report() {
    if (options.json()) {
      return new JsonReport(env.out(), options.verbose() ? env.err() : null, options.strategy());
    }
    Reporter reporter = new Reporter(env.out(), options.verbose());
    if (env.errIsTerminal() && !options.verbose()) {
      reporter.showProgress(env.err(), options.codes().size(), env.columns());
    }
    return reporter;
  }

  /** Creates DEST if needed; a description of the problem when it is unusable, else null. */
  static String prepareDestination(Path dest) {
    if (Files.exists(dest) && !Files.isDirectory(dest)) {
      return "'" + dest + "' is not a directory.";
    }
    try {
      Files.createDirectories(dest);
    } catch (FileAlreadyExistsException e) {
      return "'" + dest + "' is not a directory.";
    } catch (IOException | SecurityException e) {
      return "cannot create '" + dest + "' (" + e.getMessage() + ").";
    }
    try {
      Files.delete(Files.createFile(Downloader.partialPath(dest, "flags2-probe")));
    } catch (IOException | SecurityException e) {
      return "'" + dest + "' is not writable.";
    }
    return null;
  }

  /**
   * The concurrency the process's open-file limit allows: each connection needs a socket (two when
   * the server is embedded) and a temporary file. Lowered with a note, so a run under a small
   * {@code ulimit -n} completes instead of failing codes with "Too many open files".
   */
  private int withinOpenFileLimit(int concurrency, boolean embedded) {
    Optional<FileDescriptors> files =
        concurrency <= 32 ? Optional.empty() : FileDescriptors.current();
    if (files.isEmpty()) {
      return concurrency;
    }
    long free = files.get().max() - files.get().open() - SPARE_FILES;
    int allowed = (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / (embedded ? 3 : 2)));
    if (allowed >= concurrency) {
      return concurrency;
    }
    env.err()
        .printf(
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

  /**
   * For LOCAL, DELAY or ERROR with nothing listening on its port: that server, started in-process
   * for this run. Null otherwise.
   */
  private TestServers embedIfMissing() {
    Site site = options.target().site();
    HttpUrl url = options.target().url();
    if (!options.embedded() || !site.embeddable() || listening(url)) {
      return null;
    }
    try {
      TestServers servers =
          TestServers.start(
              TestServers.Config.defaults().withPorts(Map.of(site, url.port())), Set.of(site));
      env.err()
          .printf(
              "note: nothing listens on %s:%d; using the embedded %s server for this run (see"
                  + " 'flags2 serve')%n",
              url.host(), url.port(), site);
      return servers;
    } catch (IOException e) {
      env.err().printf("note: could not start the embedded %s server: %s%n", site, e.getMessage());
      return null;
    }
  }

  private static boolean listening(HttpUrl url) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.host(), url.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
