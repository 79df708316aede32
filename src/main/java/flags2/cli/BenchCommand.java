package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.bench.Bench;
import flags2.bench.BenchJob;
import flags2.common.Codes;
import flags2.common.Site;
import flags2.report.ExitStatus;
import flags2.serve.Delay;
import flags2.strategy.StrategyKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code flags2 bench}: compares the strategies against a test server of its own. Reads and checks
 * its options; {@link BenchJob} does the rest.
 */
final class BenchCommand implements Callable<Integer> {
  private static final String LEVELS = "1,5,30,100";
  private static final String DELAY = "0.01";
  private static final String BOOK_LEVELS = "1,5,30,100";
  private static final String BOOK_DELAY = "0.5";

  private final Env env;
  private final CommandSpec spec;
  private final Opt<List<String>> ccArgs;
  private final Opt<String> server;
  private final Opt<List<StrategyKind>> strategies;
  private final Opt<List<Integer>> levels;
  private final Opt<Integer> runs;
  private final Opt<String> delay;
  private final Opt<Boolean> book;
  private final Opt<Integer> timelineLevel;
  private final Opt<Path> html;
  private final Opt<Double> timeout;

  BenchCommand(Env env) {
    this.env = env;
    Declaration command =
        Declaration.command(
            this,
            "bench",
            "flags2 bench [OPTIONS] [CC...]",
            "Compares the strategies: a table and an HTML report with a chart.",
            "Compares the strategies: each one at each concurrency level, several runs, against a"
                + " test server that 'flags2 serve' runs in a separate process (or any --server"
                + " URL). Prints a table of median, min and max elapsed time with the speed-up over"
                + " sequential, and writes an HTML report with a chart. Runs are measured in this"
                + " JVM after one unmeasured warm-up run per strategy. Progress goes to stderr, a"
                + " line per cell; Ctrl-C (or SIGTERM, SIGHUP) stops it with a report of the cells"
                + " finished, marked partial. Default codes: a b c (78).");
    ccArgs = command.codes();
    server =
        command.option(
            String.class,
            OptionSpec.builder("-s", "--server")
                .paramLabel("LABEL|URL")
                .completionCandidates(List.of("LOCAL", "DELAY", "ERROR"))
                .defaultValue("DELAY")
                .description(
                    "LOCAL, DELAY or ERROR (started for the bench), or an http(s) base URL"
                        + " (default: ${DEFAULT-VALUE})."));
    strategies =
        command.list(
            StrategyKind.class,
            OptionSpec.builder("-t", "--strategies")
                .paramLabel("NAME")
                .splitRegex(",")
                .converters(new StrategyConverter())
                .completionCandidates(new StrategyConverter.Names())
                .description("Strategies to compare (default: all four)."));
    levels =
        command.list(
            Integer.class,
            OptionSpec.builder("-m", "--levels")
                .paramLabel("N")
                .splitRegex(",")
                .description("Concurrency levels, as --max-req (default: " + LEVELS + ")."));
    runs =
        command.option(
            int.class,
            OptionSpec.builder("--runs")
                .paramLabel("N")
                .defaultValue("3")
                .description("Measured runs per strategy and level (default: ${DEFAULT-VALUE})."));
    delay =
        command.option(
            String.class,
            OptionSpec.builder("--delay")
                .paramLabel("SECONDS")
                .description(
                    "Delay of the started server's delayed responses (default: "
                        + DELAY
                        + ", "
                        + BOOK_DELAY
                        + " with --book)."));
    book =
        command.flag(
            "The book's own numbers: --delay "
                + BOOK_DELAY
                + " --levels "
                + BOOK_LEVELS
                + " (about 10 minutes for all four strategies and a b c). An explicit --delay or"
                + " --levels wins over it, before or after it.",
            "--book");
    timelineLevel =
        command.option(
            Integer.class,
            OptionSpec.builder("--timeline-level")
                .paramLabel("N")
                .description(
                    "The --max-req of one more run per strategy, drawn as a timeline of every"
                        + " request in the HTML report (default: the lowest level above 1)."));
    html =
        command.option(
            Path.class,
            OptionSpec.builder("--html")
                .paramLabel("FILE")
                .defaultValue("flags2-bench.html")
                .description("Where the HTML report goes (default: ${DEFAULT-VALUE})."));
    timeout = command.timeout();
    command.exitStatus(
        Declaration.exit(ExitStatus.OK, "every run without an error"),
        Declaration.exit(ExitStatus.ERRORS, "an error in a run, or the server did not start"),
        Declaration.exit(ExitStatus.USAGE, "usage error"),
        Declaration.exit(
            ExitStatus.INTERRUPTED,
            "interrupted (Ctrl-C): the report of the cells finished, marked partial"),
        Declaration.exit(ExitStatus.TERMINATED, "terminated (SIGTERM), likewise"),
        Declaration.exit(ExitStatus.HUNG_UP, "hung up (SIGHUP), likewise"));
    spec = command.withHelpOptions(Manual.bench());
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    List<String> codes;
    Site.Target target;
    Delay serverDelay;
    boolean book = this.book.get();
    List<Integer> levels =
        Objects.requireNonNullElseGet(
            this.levels.get(), () -> parseLevels(book ? BOOK_LEVELS : LEVELS));
    String delay = Objects.requireNonNullElse(this.delay.get(), book ? BOOK_DELAY : DELAY);
    int runs = this.runs.get();
    try {
      List<String> ccArgs = Validate.codeArgs(this.ccArgs);
      codes =
          Codes.expand(
              ccArgs.isEmpty() ? List.of("a", "b", "c") : ccArgs, false, false, Integer.MAX_VALUE);
      target = Site.parse(server.get(), env.sites());
      serverDelay = Delay.parse(delay);
    } catch (IllegalArgumentException e) {
      throw usage(spec, e.getMessage());
    }
    if (levels.stream().anyMatch(level -> level < 1 || level > 1000)) {
      throw usage(spec, "--levels must be 1 to 1000.");
    }
    if (runs < 1 || runs > 100) {
      throw usage(spec, "--runs must be 1 to 100.");
    }
    Integer timelineLevel = this.timelineLevel.get();
    if (timelineLevel != null && (timelineLevel < 1 || timelineLevel > 1000)) {
      throw usage(spec, "--timeline-level must be 1 to 1000.");
    }
    List<Integer> sorted = levels.stream().distinct().sorted().toList();
    if (timelineLevel == null) {
      timelineLevel =
          sorted.stream()
              .filter(level -> level > 1)
              .findFirst()
              .orElse(sorted.isEmpty() ? 0 : sorted.getFirst());
    }
    Duration perRequest = Validate.timeout(spec, timeout);
    List<StrategyKind> strategies = this.strategies.get();
    Bench.Config config =
        new Bench.Config(
            codes,
            target,
            strategies == null
                ? List.of(StrategyKind.values())
                : strategies.stream().distinct().toList(),
            sorted,
            runs,
            perRequest,
            timelineLevel);
    return new BenchJob(env.console(), env.nanoTime(), env.interrupt())
        .run(config, serverDelay, html.get())
        .code;
  }

  private static List<Integer> parseLevels(String levels) {
    return Stream.of(levels.split(",")).map(Integer::valueOf).toList();
  }
}
