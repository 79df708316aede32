package flags2.report;

import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.Status;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The book's reports: the initial lines, a verbose line or a progress-bar step per result, and the
 * final counts. The progress bar is drawn only when asked for (stderr is a terminal and not
 * verbose), so scripts see clean output.
 */
public final class TextReport implements Report {
  private final PrintStream out;
  private final boolean verbose;
  private final StatusCounter counter = new StatusCounter();
  private ProgressBar bar;

  public TextReport(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  /** Draws a progress bar of {@code total} steps on {@code err}, {@code columns} wide. */
  public void showProgress(PrintStream err, int total, int columns) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("flags")
            .setInitialMax(total)
            .setUpdateIntervalMillis(100)
            .setConsumer(new ConsoleProgressBarConsumer(err, columns))
            .build();
  }

  @Override
  public void initial(Site.Target target, List<String> codes, int concurrency) {
    out.println(target.site().name() + " site: " + target.display());
    String listed =
        codes.size() <= 10
            ? String.join(", ", codes)
            : "from " + codes.getFirst() + " to " + codes.getLast();
    out.println("Searching for " + plural(codes.size(), "flag") + ": " + listed);
    out.println(
        concurrency == 1
            ? "1 concurrent connection will be used."
            : concurrency + " concurrent connections will be used.");
  }

  @Override
  public void retrying(Result failed, int retry, int retries, Duration wait) {
    if (verbose) {
      out.println(retryLine(failed, retry, retries, wait));
    }
  }

  @Override
  public void accept(Result result) {
    counter.add(result.status());
    if (verbose) {
      out.println(verboseLine(result));
    }
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void finish(Duration elapsed, int notAttempted, ExitStatus status) {
    close();
    out.println("-".repeat(20));
    out.println(plural(counter.get(Status.OK), "flag") + " downloaded.");
    if (counter.get(Status.NOT_FOUND) > 0) {
      out.println(counter.get(Status.NOT_FOUND) + " not found.");
    }
    if (counter.get(Status.ERROR) > 0) {
      out.println(plural(counter.get(Status.ERROR), "error") + ".");
    }
    if (notAttempted > 0) {
      out.println(notAttempted + " not attempted.");
    }
    out.printf(Locale.ROOT, "Elapsed time: %.2fs%n", elapsed.toNanos() / 1e9);
    out.flush();
  }

  @Override
  public StatusCounter counter() {
    return counter;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /**
   * The book's line for one result: {@code BR OK}, {@code XX not found}, {@code *** Error for …}.
   */
  static String verboseLine(Result result) {
    String line =
        switch (result.status()) {
          case OK -> result.code() + " OK";
          case NOT_FOUND -> result.code() + " not found";
          case ERROR -> "*** Error for " + result.code() + ": " + result.error();
        };
    return result.attempts() > 1 ? line + " (" + result.attempts() + " attempts)" : line;
  }

  /**
   * {@code BR retry 1/3 after HTTP error 503 - Service Unavailable, waiting 0.3s}; only an error is
   * ever retried.
   */
  static String retryLine(Result failed, int retry, int retries, Duration wait) {
    return String.format(
        Locale.ROOT,
        "%s retry %d/%d after %s, waiting %.1fs",
        failed.code(),
        retry,
        retries,
        failed.error(),
        wait.toMillis() / 1e3);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
