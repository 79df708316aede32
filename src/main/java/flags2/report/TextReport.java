package flags2.report;

import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.Status;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The book's reports: the initial lines, a verbose line or a progress-bar step per result, and the
 * final counts. The progress bar is drawn only when asked for (stderr is a terminal and not
 * verbose), so scripts see clean output. It starts once the initial lines are out and stops, its
 * last frame drawn, before the final lines are printed: it never lands among the report's lines.
 */
public final class TextReport implements Report {
  private final PrintStream out;
  private final boolean verbose;
  private final Bar barSpec;
  private final StatusCounter counter = new StatusCounter();
  private ProgressBar bar;
  private Line line;

  /**
   * The progress bar a report draws: where its frames go, whether it may use Unicode blocks, and
   * the clock its times come from.
   */
  public record Bar(ProgressBarConsumer consumer, boolean unicode, LongSupplier nanoTime) {
    /**
     * Columns left free at the end of the line: the terminal echoes Ctrl-C as {@code ^C} there, and
     * a full-width bar would wrap and leave its last frame on a second line.
     */
    static final int ECHO_ROOM = 2;

    /**
     * On a terminal {@code columns} wide: frames written to {@code err}, blocks drawn in Unicode
     * when its charset has them.
     */
    public static Bar onTerminal(PrintStream err, int columns, LongSupplier nanoTime) {
      return new Bar(
          new ConsoleProgressBarConsumer(err, Math.max(1, columns - ECHO_ROOM)),
          err.charset().newEncoder().canEncode("█▏▎▍▌▋▊▉"),
          nanoTime);
    }
  }

  /** A report with no progress bar. */
  public TextReport(PrintStream out, boolean verbose) {
    this(out, verbose, null);
  }

  /** A report with a progress bar (and so no verbose lines). */
  public TextReport(PrintStream out, Bar bar) {
    this(out, false, bar);
  }

  private TextReport(PrintStream out, boolean verbose, Bar bar) {
    this.out = out;
    this.verbose = verbose;
    this.barSpec = bar;
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
    out.flush();
    if (barSpec != null) {
      line = new Line(barSpec.consumer());
      bar =
          new ProgressBarBuilder()
              .setInitialMax(codes.size())
              .setUpdateIntervalMillis(100)
              .setRenderer(new ProgressLine(barSpec.nanoTime(), barSpec.unicode()))
              .setConsumer(line)
              .build();
    }
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

  /**
   * Stops the bar after drawing its last frame and ending its line. The library skips that wait on
   * an interrupted thread, as the consumer may be after Ctrl-C, and the frame would then land among
   * the report's lines; so the interrupt is set aside for the wait and restored after.
   */
  @Override
  public void close() {
    if (bar != null) {
      boolean interrupted = Thread.interrupted();
      try {
        bar.close();
        line.close();
      } finally {
        bar = null;
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * The bar's line, ended once. (A bar closed before its first frame was drawn draws that frame but
   * never closes its consumer, so the report's next line would follow on the same line.)
   */
  private static final class Line implements ProgressBarConsumer {
    private final ProgressBarConsumer consumer;
    private boolean closed;

    Line(ProgressBarConsumer consumer) {
      this.consumer = consumer;
    }

    @Override
    public int getMaxRenderedLength() {
      return consumer.getMaxRenderedLength();
    }

    @Override
    public void accept(String frame) {
      consumer.accept(frame);
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        consumer.close();
      }
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
          case ERROR -> "*** Error for " + result.code() + ": " + Printable.of(result.error());
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
        Printable.of(failed.error()),
        wait.toMillis() / 1e3);
  }

  /** {@code 1 flag}, {@code 2 flags}. */
  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
