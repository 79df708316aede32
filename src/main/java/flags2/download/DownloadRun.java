package flags2.download;

import flags2.common.Site;
import flags2.report.Console;
import flags2.report.ExitStatus;
import flags2.report.JsonReport;
import flags2.report.Report;
import flags2.report.StatusCounter;
import flags2.report.TextReport;
import flags2.serve.TestServers;
import flags2.strategy.Status;
import flags2.timeline.Recorder;
import flags2.timeline.Timeline;
import flags2.timeline.TimelineFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * One download run from validated options: checks the destination, embeds a test server when the
 * labelled one is missing, runs the strategy, prints the report and returns the outcome. It never
 * throws for a failed download, and its counts always add up to the number of codes.
 *
 * <p>Ctrl-C takes one path, from the signal to the report: {@code flags2.Main}'s handler fires the
 * {@link Interrupt}; its action, registered here, calls {@link HttpFetcher#cancelAll}, the only
 * cancel (calls fail at once, body reads included, retry waits end, nothing is retried, and a body
 * still being written is not saved), then interrupts the consumer thread; the strategy, which never
 * cancels anything itself, waits for its workers as the interrupt's {@link
 * flags2.strategy.Shutdown} says, hands over the results that arrived meanwhile and throws {@link
 * InterruptedException} back here (or returns, when the cancelled calls let it finish first); the
 * report counts the failures the cancellation caused, and the codes never tried, as not attempted,
 * and the run ends with the signal's status ({@link ExitStatus#INTERRUPTED} for Ctrl-C; SIGTERM and
 * SIGHUP take the same path). The same cancel ends every run, so no call outlives it.
 */
public final class DownloadRun {
  private static final System.Logger log = System.getLogger(DownloadRun.class.getName());

  private final DownloadOptions options;
  private final Console console;
  private final LongSupplier nanoTime;
  private final Interrupt interrupt;
  private final TransportLog transport = new TransportLog();

  /** When the downloads started, on {@link #nanoTime}: the timeline's origin. */
  private long started;

  private Consumer<Timeline> timelineSink;

  /** {@code nanoTime} is the clock for the elapsed time; {@code interrupt} is Ctrl-C. */
  public DownloadRun(
      DownloadOptions options, Console console, LongSupplier nanoTime, Interrupt interrupt) {
    this.options = options;
    this.console = console;
    this.nanoTime = nanoTime;
    this.interrupt = interrupt;
  }

  /**
   * What a run ended with: its exit status, the counts as reported, and the elapsed time the report
   * printed (zero when no download started).
   */
  public record Outcome(ExitStatus status, int ok, int notFound, int errors, Duration elapsed) {
    private static Outcome of(ExitStatus status, StatusCounter counter, Duration elapsed) {
      return new Outcome(
          status,
          counter.get(Status.OK),
          counter.get(Status.NOT_FOUND),
          counter.get(Status.ERROR),
          elapsed);
    }
  }

  /**
   * Hands this run's {@link Timeline} to {@code sink} when the run ends (besides any {@code
   * --timeline} file); not called when the run never started. Call before {@link #execute}.
   */
  public DownloadRun onTimeline(Consumer<Timeline> sink) {
    this.timelineSink = sink;
    return this;
  }

  public Outcome execute() {
    String problem = ImageStore.prepare(options.dest());
    if (problem != null) {
      console.err().println("*** Destination error: " + problem);
      return Outcome.of(ExitStatus.DESTINATION, new StatusCounter(), Duration.ZERO);
    }
    Site.Target target = options.target();
    RunNotes.insecure(options, console.err());
    PrintStream notes =
        options.quiet() ? new PrintStream(OutputStream.nullOutputStream()) : console.err();
    try (TestServers embedded =
            options.embedded()
                ? EmbeddedServer.startIfMissing(target.site(), target.url(), notes)
                : null;
        Report report = report()) {
      int concurrency = OpenFileLimit.apply(options.concurrency(), embedded != null, notes);
      OkHttpClient client =
          HttpClients.create(
              concurrency,
              options.timeout(),
              target.url(),
              options.trust()::apply,
              options.proxies(),
              options.httpVersion(),
              transport);
      RunNotes.proxy(options, notes);
      Recorder recorder =
          options.timeline() == null && timelineSink == null ? Recorder.OFF : Recorder.on();
      HttpFetcher fetcher =
          new HttpFetcher(client, target.url(), options, nanoTime, report::retrying, recorder);
      // kept until the partial files are gone: a second signal while the shutdown waits for
      // stuck workers must still remove them
      Interrupt.Registration halt = interrupt.beforeHalt(fetcher::removePartialFiles);
      Outcome outcome;
      try {
        outcome = download(fetcher, concurrency, report);
      } finally {
        fetcher.cancelAll(); // nothing outlives the run, even when a strategy failed
        HttpClients.shutdown(client, interrupt.shutdown());
        fetcher.removePartialFiles();
        halt.close();
      }
      RunNotes.http2(transport.transport(), notes); // after the shutdown: every request counted
      // after the shutdown: every callback has run, so every request that ran is recorded
      writeTimeline(recorder, concurrency, outcome);
      return outcome;
    }
  }

  /**
   * {@code --timeline}: written after the report, interrupted runs included. A file that cannot be
   * written is reported on stderr and leaves the exit status alone: the downloads are done.
   */
  private void writeTimeline(Recorder recorder, int concurrency, Outcome outcome) {
    if (options.timeline() == null && timelineSink == null) {
      return;
    }
    Site.Target target = options.target();
    Timeline.Run run =
        new Timeline.Run(
            options.strategy().cliName(),
            concurrency,
            target.site().name() + " " + target.display(),
            options.codes().size(),
            outcome.ok(),
            outcome.notFound(),
            outcome.errors(),
            outcome.elapsed().toNanos(),
            outcome.status() != ExitStatus.OK && outcome.status() != ExitStatus.ERRORS);
    Timeline timeline = Timeline.of(run, started, recorder.requests());
    if (timelineSink != null) {
      timelineSink.accept(timeline);
    }
    if (options.timeline() == null) {
      return;
    }
    try {
      TimelineFile.write(options.timeline(), timeline);
    } catch (IOException | RuntimeException e) {
      console.err().println("*** Timeline error: " + options.timeline() + ": " + e);
    }
  }

  private Outcome download(HttpFetcher fetcher, int concurrency, Report report) {
    List<String> codes = options.codes();
    Thread consumer = Thread.currentThread();
    try (Interrupt.Registration ctrlC =
        interrupt.onInterrupt(
            () -> {
              fetcher.cancelAll();
              consumer.interrupt();
            })) {
      report.initial(options.target(), codes, concurrency);
      long start = nanoTime.getAsLong();
      started = start;
      report.started(start);
      boolean interrupted = false;
      try {
        log.log(
            System.Logger.Level.DEBUG,
            "{0} strategy, {1} code{2}, concurrency {3}",
            options.strategy().cliName(),
            String.valueOf(codes.size()),
            codes.size() == 1 ? "" : "s",
            String.valueOf(concurrency));
        options
            .strategy()
            .create(interrupt.shutdown())
            .run(
                codes,
                fetcher,
                concurrency,
                result -> {
                  // After Ctrl-C, a failure is the cancellation's own echo ("Socket closed"), and
                  // that code counts as not attempted; downloads that completed anyway are still
                  // counted.
                  if (!(fetcher.cancelled() && result.status() == Status.ERROR)) {
                    report.accept(result);
                  }
                });
      } catch (InterruptedException e) {
        interrupted = true;
      }
      // Ctrl-C may cancel the calls and let the strategy finish before the interrupt lands
      interrupted |= fetcher.cancelled();
      Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
      StatusCounter counter = report.counter();
      ExitStatus status =
          interrupted
              ? interrupt.status()
              : counter.get(Status.ERROR) > 0 ? ExitStatus.ERRORS : ExitStatus.OK;
      report.finish(elapsed, codes.size() - counter.total(), status);
      return Outcome.of(status, counter, elapsed);
    } finally {
      // The registration is closed: an interrupt that landed after the strategy returned has done
      // its work (the calls are cancelled); it must not cut short the waits of the shutdown.
      Thread.interrupted();
    }
  }

  /**
   * The JSON object, or the book's report with a progress bar when stderr is a terminal (and the
   * run is neither verbose nor quiet).
   */
  private Report report() {
    if (options.json()) {
      return new JsonReport(
          console.out(),
          options.verbose() ? console.err() : null,
          options.strategy(),
          transport::transport);
    }
    if (console.errIsTerminal() && !options.verbose() && !options.quiet()) {
      return new TextReport(
          console.out(), TextReport.Bar.onTerminal(console.err(), console.columns(), nanoTime));
    }
    return new TextReport(console.out(), options.verbose());
  }
}
