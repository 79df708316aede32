package flags2.bench;

import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.Console;
import flags2.report.ExitStatus;
import flags2.serve.Delay;
import flags2.strategy.StrategyKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What {@code flags2 bench} does once its options are read: starts a test server in a process of
 * its own when the target is LOCAL, DELAY or ERROR, runs the {@link Bench}, prints the table and
 * writes the HTML report, and stops the server whatever happens.
 */
public final class BenchJob {
  private final Console console;
  private final LongSupplier nanoTime;
  private final Interrupt interrupt;

  public BenchJob(Console console, LongSupplier nanoTime, Interrupt interrupt) {
    this.console = console;
    this.nanoTime = nanoTime;
    this.interrupt = interrupt;
  }

  /**
   * Runs the bench; {@code serverDelay} is the delay of a server it starts, {@code html} where the
   * report goes. A signal stops it with a report of the cells finished, marked partial; none when
   * no cell finished, so that an earlier report is not overwritten with nothing.
   *
   * @return {@link ExitStatus#ERRORS} when any run had an error, the signal's status (as {@link
   *     ExitStatus#INTERRUPTED}) when stopped before the end
   * @throws IOException when the server cannot start or the report cannot be written
   */
  public ExitStatus run(Bench.Config config, Delay serverDelay, Path html) throws IOException {
    BenchServer started = null;
    try {
      String origin;
      Optional<BenchChart.Ideal> ideal = Optional.empty();
      if (config.target().site().embeddable()) {
        started = start(config.target().site(), serverDelay);
        config = config.withTarget(config.target().withUrl(started.url()));
        origin = "'flags2 serve' in its own process, delayed responses " + serverDelay;
        ideal = ideal(config, serverDelay);
      } else {
        origin = "given with --server";
      }
      Measured measured = new Bench(config, console.err(), nanoTime, interrupt).run();
      if (measured.finished() == 0) {
        return nothingFinished();
      }
      BenchReport report =
          new BenchReport(measured, about(config, origin, measured), ideal, config.timelineLevel());
      report.printTable(console.out());
      Files.writeString(html, report.html("flags2 bench"));
      console.out().println();
      console.out().println("HTML report: " + html);
      if (measured.partial()) {
        return interrupt.status();
      }
      return measured.cells().stream().anyMatch(Cell::anyErrors)
          ? ExitStatus.ERRORS
          : ExitStatus.OK;
    } catch (InterruptedException e) {
      return nothingFinished();
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  /** Starts the server; a signal meanwhile stops the wait (and the server) at once. */
  private BenchServer start(Site site, Delay delay) throws IOException, InterruptedException {
    Thread waiting = Thread.currentThread();
    try (Interrupt.Registration stop = interrupt.onInterrupt(waiting::interrupt)) {
      return BenchServer.start(site, delay);
    } finally {
      Thread.interrupted(); // a signal that came as the wait ended: the first run sees it anyway
    }
  }

  private ExitStatus nothingFinished() {
    console.err().println("bench: interrupted before any cell finished; no report written");
    return interrupt.status();
  }

  /** The ideal line: only against the bench's own DELAY server, and a fixed delay. */
  static Optional<BenchChart.Ideal> ideal(Bench.Config config, Delay delay) {
    boolean known = config.target().site() == Site.DELAY && delay.min() == delay.max();
    return known && delay.min() > 0
        ? Optional.of(
            new BenchChart.Ideal(
                config.codes().size(), Duration.ofNanos(Math.round(delay.min() * 1e9))))
        : Optional.empty();
  }

  /** The lines above the table that say what was measured, where and how. */
  private static List<String> about(Bench.Config config, String origin, Measured measured) {
    List<String> codes = config.codes();
    int runs = config.runs();
    List<String> lines = new ArrayList<>();
    lines.add(
        "flags2 bench: "
            + codes.size()
            + (codes.size() == 1 ? " flag (" : " flags (")
            + codes.getFirst()
            + " to "
            + codes.getLast()
            + ") from "
            + config.target().site()
            + " "
            + config.target().display());
    lines.add("server: " + origin);
    lines.add(
        "each cell: median, min and max of "
            + (measured.partial()
                ? "the runs it finished (" + runs + " planned)"
                : runs + (runs == 1 ? " run" : " runs"))
            + " in one JVM, after one unmeasured warm-up run per"
            + " strategy; times as each run reports them");
    if (measured.cells().stream().anyMatch(cell -> cell.strategy() == StrategyKind.SEQUENTIAL)) {
      lines.add(
          "sequential keeps one request in flight at every level: measured at max-req "
              + config.levels().getFirst()
              + ", drawn flat");
    }
    lines.add(
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + ", Java "
            + Runtime.version()
            + ", "
            + LocalDate.now());
    return lines;
  }
}
