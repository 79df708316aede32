package flags2.bench;

import flags2.common.Site;
import flags2.download.DownloadOptions;
import flags2.download.DownloadRun;
import flags2.download.Interrupt;
import flags2.report.Console;
import flags2.strategy.StrategyKind;
import flags2.timeline.Timeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code flags2 bench}: every chosen strategy at every concurrency level, several runs each,
 * through the same {@link DownloadRun} the download command uses. Runs are measured in this JVM
 * after one unmeasured warm-up run per strategy; the server is another process ({@link
 * BenchServer}), so the client never shares a JVM, a heap or a CPU budget with it beyond the
 * machine's.
 *
 * <p>Sequential always has one request in flight, so it is measured once per run, at the lowest
 * level, and stands for every level.
 */
public final class Bench {

  /**
   * What to measure.
   *
   * @param target the server every run downloads from
   * @param levels the {@code --max-req} values, ascending, distinct
   * @param timelineLevel the {@code --max-req} of the one run per strategy drawn as a timeline; 0
   *     for none
   */
  public record Config(
      List<String> codes,
      Site.Target target,
      List<StrategyKind> strategies,
      List<Integer> levels,
      int runs,
      Duration timeout,
      int timelineLevel) {
    Config withTarget(Site.Target target) {
      return new Config(codes, target, strategies, levels, runs, timeout, timelineLevel);
    }
  }

  private final Config config;
  private final PrintStream progress;
  private final LongSupplier nanoTime;
  private final Interrupt interrupt;

  /**
   * {@code progress} gets one line as each warm-up run and each cell of each round starts, and the
   * runs' notes and errors; their reports are discarded. {@code nanoTime} times the runs; {@code
   * interrupt} stops the bench.
   */
  Bench(Config config, PrintStream progress, LongSupplier nanoTime, Interrupt interrupt) {
    this.config = config;
    this.progress = progress;
    this.nanoTime = nanoTime;
    this.interrupt = interrupt;
  }

  /**
   * Runs the matrix, rounds outermost so that a slow patch of the machine spreads over every cell.
   * A run a signal stopped is not counted, and no other starts.
   *
   * @return the cells, strategies in the given order and levels ascending; when a signal stopped
   *     the bench, those with a run finished
   */
  Measured run() throws IOException {
    Path dest = Files.createTempDirectory("flags2-bench");
    try {
      List<Cell> cells = shape();
      int planned = cells.size() * config.runs();
      int finished = measure(cells, planned, dest);
      List<Timeline> timelines = finished == planned ? timelines(dest) : List.of();
      return new Measured(
          cells.stream()
              .filter(cell -> !cell.runs().isEmpty())
              .map(
                  cell ->
                      new Cell(
                          cell.strategy(),
                          cell.level(),
                          cell.concurrency(),
                          List.copyOf(cell.runs())))
              .toList(),
          finished,
          planned,
          timelines);
    } finally {
      deleteTree(dest);
    }
  }

  /** Fills the cells' runs, after the warm-up; returns how many runs finished. */
  private int measure(List<Cell> cells, int planned, Path dest) {
    int level = config.levels().getLast();
    for (StrategyKind strategy : config.strategies()) {
      progress.printf("bench: warm-up %s m=%d%n", strategy.cliName(), level);
      if (once(strategy, level, dest).status().stoppedBySignal()) {
        return 0;
      }
    }
    int finished = 0;
    for (int round = 1; round <= config.runs(); round++) {
      for (Cell cell : cells) {
        progress.printf(
            "bench: cell %d/%d %s m=%d round %d/%d%n",
            finished + 1, planned, cell.strategy().cliName(), cell.level(), round, config.runs());
        DownloadRun.Outcome outcome = once(cell.strategy(), cell.level(), dest);
        if (outcome.status().stoppedBySignal()) {
          return finished;
        }
        cell.runs().add(outcome);
        finished++;
      }
    }
    return finished;
  }

  /**
   * One more run per strategy at {@link Config#timelineLevel}, recorded; the timelines share the
   * longest one's time axis, so they compare at a glance. Empty if a signal stopped one.
   */
  private List<Timeline> timelines(Path dest) {
    int level = config.timelineLevel();
    if (level < 1) {
      return List.of();
    }
    List<Timeline> timelines = new ArrayList<>();
    for (StrategyKind strategy : config.strategies()) {
      progress.printf("bench: timeline %s m=%d%n", strategy.cliName(), level);
      DownloadRun.Outcome outcome = once(strategy, level, dest, timelines::add);
      if (outcome.status().stoppedBySignal()) {
        return List.of();
      }
    }
    long axis = timelines.stream().mapToLong(Timeline::spanMicros).max().orElse(0);
    return timelines.stream().map(timeline -> timeline.withAxis(axis)).toList();
  }

  /**
   * The cells to fill, each with an empty list to add runs to: sequential at the lowest level only,
   * every other strategy at every level.
   */
  private List<Cell> shape() {
    List<Cell> cells = new ArrayList<>();
    for (StrategyKind strategy : config.strategies()) {
      List<Integer> levels =
          switch (strategy) {
            case SEQUENTIAL -> config.levels().subList(0, 1);
            case THREADPOOL, ASYNC, VIRTUAL -> config.levels();
          };
      for (int level : levels) {
        cells.add(
            new Cell(
                strategy, level, strategy.limit(level, config.codes().size()), new ArrayList<>()));
      }
    }
    return cells;
  }

  private DownloadRun.Outcome once(StrategyKind strategy, int level, Path dest) {
    return once(strategy, level, dest, timeline -> {});
  }

  private DownloadRun.Outcome once(
      StrategyKind strategy, int level, Path dest, Consumer<Timeline> timeline) {
    DownloadOptions options =
        DownloadOptions.builder()
            .codes(config.codes())
            .target(config.target())
            .strategy(strategy)
            .maxRequests(level)
            .dest(dest)
            .timeout(config.timeout())
            .embedded(false)
            .build();
    Console quiet =
        new Console(new PrintStream(OutputStream.nullOutputStream()), progress, false, 80);
    return new DownloadRun(options, quiet, nanoTime, interrupt).onTimeline(timeline).execute();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
