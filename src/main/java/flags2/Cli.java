package flags2;

import flags2.serve.Delay;
import flags2.serve.TestServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line: {@code flags2 [OPTIONS] [CC...]}, {@code flags2 serve}, {@code flags2 bench}
 * and {@code flags2 generate-completion}. Parses and validates into {@link Options} (or a
 * subcommand's config) and returns an exit status; it never ends the process. Usage errors print
 * one {@code *** Usage error:} line and the usage line, and exit 2 before anything is sent or
 * created.
 *
 * <p>The commands are described with picocli's programmatic API, not its annotations: reading
 * annotations costs about 100 ms at every start (a dynamic proxy class per annotation type, which
 * no class-data cache keeps), and start-up is most of a short run. Each command is a {@link
 * CommandSpec} wrapping the {@link Callable} that runs it; its options are {@link OptionSpec}s
 * whose values it reads after parsing.
 */
public final class Cli {
  private static final Logger OKHTTP_LOGGER = Logger.getLogger("okhttp3");

  private Cli() {}

  /** Runs the command line and returns the exit status. */
  public static int run(String[] args, Env env) {
    CommandLine cmd = commandLine(env);
    cmd.setOut(new PrintWriter(env.out(), true));
    cmd.setErr(new PrintWriter(env.err(), true));
    cmd.setParameterExceptionHandler(Cli::usageError);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("*** Error: " + e);
          return ExitStatus.ERRORS.code;
        });
    int status = cmd.execute(args);
    env.out().flush();
    return status;
  }

  /** The command and its subcommands, before any output or error handling is set. */
  static CommandLine commandLine(Env env) {
    CommandLine cmd = new CommandLine(new Download(env).spec);
    cmd.addSubcommand(new Serve(env).spec);
    cmd.addSubcommand(new BenchCommand(env).spec);
    cmd.addSubcommand(new Completion().spec);
    return cmd;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String synopsis = String.join(" ", cmd.getCommandSpec().usageMessage().customSynopsis());
    cmd.getErr().println("*** Usage error: " + e.getMessage());
    cmd.getErr()
        .println(
            "Usage: " + synopsis + "  (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return ExitStatus.USAGE.code;
  }

  /** {@code flags2 [OPTIONS] [CC...]}: downloads the flags. */
  private static final class Download implements Callable<Integer> {
    final CommandSpec spec =
        command(
            this,
            "flags2",
            "flags2 [OPTIONS] [CC...]",
            "Concurrent flag downloader: Fluent Python's flags2 examples as one tool.",
            "Downloads flag images, {base}/{cc}/{cc}.gif, for two-letter country codes, with a"
                + " choice of concurrency strategies; 'flags2 serve' runs the LOCAL, DELAY and"
                + " ERROR test servers.",
            "",
            "CC is a two-letter code (br) or one letter for all 26 codes starting with it (b: BA to"
                + " BZ); case-insensitive. Default: the 20 most populous countries.");

    private final Env env;
    private final PositionalParamSpec ccArgs = codesParameter(spec);
    private final OptionSpec all =
        flag(spec, "Every code in country_codes.txt (194).", "-a", "--all");
    private final OptionSpec every =
        flag(spec, "Every possible code, AA to ZZ (676).", "-e", "--every");
    private final OptionSpec limit =
        add(
            spec,
            OptionSpec.builder("-l", "--limit")
                .paramLabel("N")
                .type(Integer.class)
                .description("Keep the first N codes after sorting."));
    private final OptionSpec maxReq =
        add(
            spec,
            OptionSpec.builder("-m", "--max-req", "--max_req")
                .paramLabel("N")
                .type(Integer.class)
                .description(
                    "Maximum concurrent requests (default: sequential 1, threadpool 30, async 5,"
                        + " virtual 30)."));
    private final OptionSpec server =
        add(
            spec,
            OptionSpec.builder("-s", "--server")
                .paramLabel("LABEL|URL")
                .type(String.class)
                .defaultValue("LOCAL")
                .description(
                    "LOCAL, DELAY, ERROR, REMOTE or an http(s) base URL (default:"
                        + " ${DEFAULT-VALUE})."));
    private final OptionSpec strategy =
        add(
            spec,
            OptionSpec.builder("-t", "--strategy")
                .paramLabel("NAME")
                .type(StrategyKind.class)
                .converters(new StrategyConverter())
                .completionCandidates(new StrategyNames())
                .initialValue(StrategyKind.DEFAULT)
                .description("${COMPLETION-CANDIDATES} (default: threadpool)."));
    private final OptionSpec dest =
        add(
            spec,
            OptionSpec.builder("-d", "--dest")
                .paramLabel("DIR")
                .type(Path.class)
                .defaultValue("downloads")
                .description("Where images are saved (default: ${DEFAULT-VALUE})."));
    private final OptionSpec verbose =
        flag(spec, "One line per code; no progress bar.", "-v", "--verbose");
    private final OptionSpec timeout = timeoutOption(spec);
    private final OptionSpec retries =
        add(
            spec,
            OptionSpec.builder("--retries")
                .paramLabel("N")
                .type(int.class)
                .defaultValue("0")
                .description(
                    "Retries for connection errors, timeouts, 429 and 5xx (default:"
                        + " ${DEFAULT-VALUE})."));
    private final OptionSpec maxSize =
        add(
            spec,
            OptionSpec.builder("--max-size")
                .paramLabel("BYTES")
                .type(long.class)
                .defaultValue("" + Downloader.DEFAULT_MAX_SIZE)
                .description("Largest image accepted (default: 5 MiB)."));
    private final OptionSpec noEmbedded =
        flag(spec, "Never start an embedded test server.", "--no-embedded");
    private final OptionSpec json =
        flag(
            spec,
            "One JSON object on stdout instead of the report (fields: see README).",
            "--json");
    private final OptionSpec debug =
        flag(spec, "Debug logging (flags2 and OkHttp) to stderr.", "--debug");

    Download(Env env) {
      this.env = env;
      addHelpOptions(spec);
      spec.usageMessage()
          .exitCodeListHeading("%nExit status:%n")
          .exitCodeList(
              exitCodes(
                  "0", "every code OK or not found",
                  "1", "at least one error",
                  "2", "usage error",
                  "3", "destination unusable",
                  "130", "interrupted (Ctrl-C)"))
          .footerHeading("%nShell completion:%n")
          .footer("bash, zsh: source <(flags2 generate-completion)");
    }

    @Override
    public Integer call() {
      Options options = options();
      if (options.debug()) {
        enableDebugLogging();
      }
      return new DownloadRun(options, env).execute().status().code;
    }

    /** Validates the parsed values into {@link Options}; throws a usage error for bad values. */
    private Options options() {
      Integer limit = this.limit.getValue();
      Integer maxReq = this.maxReq.getValue();
      if (limit != null && limit < 1) {
        throw usage(spec, "--limit must be at least 1.");
      }
      if (maxReq != null && maxReq < 1) {
        throw usage(spec, "--max-req must be at least 1.");
      }
      Duration perRequest = perRequestTimeout(spec, timeout);
      int retries = this.retries.getValue();
      if (retries < 0 || retries > 10) {
        throw usage(spec, "--retries must be 0 to 10.");
      }
      long maxSize = this.maxSize.getValue();
      if (maxSize < 1) {
        throw usage(spec, "--max-size must be at least 1 byte.");
      }
      List<String> codes;
      Site.Target target;
      try {
        codes =
            Codes.expand(
                codeArgs(ccArgs),
                all.getValue(),
                every.getValue(),
                limit == null ? Integer.MAX_VALUE : limit);
        target = Site.parse(server.getValue(), env.sites());
      } catch (IllegalArgumentException e) {
        throw usage(spec, e.getMessage());
      }
      StrategyKind strategy = this.strategy.getValue();
      return new Options(
          codes,
          target,
          strategy,
          strategy.limit(maxReq, codes.size()),
          dest.getValue(),
          verbose.getValue(),
          perRequest,
          retries,
          maxSize,
          !(boolean) noEmbedded.getValue(),
          json.getValue(),
          debug.getValue());
    }
  }

  /** {@code flags2 serve}: runs the test servers until interrupted. */
  private static final class Serve implements Callable<Integer> {
    final CommandSpec spec =
        command(
            this,
            "serve",
            "flags2 serve [OPTIONS]",
            "Runs the LOCAL, DELAY and ERROR test servers.",
            "Runs the test servers until interrupted: LOCAL (static), DELAY (every response"
                + " delayed) and ERROR (some requests answered 418 I'm a Teapot, some responses"
                + " delayed), serving /flags/{cc}/{cc}.gif and /flags/{cc}/metadata.json.");

    private final Env env;
    private final OptionSpec bind =
        add(
            spec,
            OptionSpec.builder("--bind")
                .paramLabel("ADDR")
                .type(String.class)
                .defaultValue("127.0.0.1")
                .description("Address to listen on (default: ${DEFAULT-VALUE})."));
    private final OptionSpec ports =
        add(
            spec,
            OptionSpec.builder("--ports")
                .paramLabel("L,D,E")
                .type(int[].class)
                .splitRegex(",")
                .defaultValue("8001,8002,8003")
                .description(
                    "Ports of LOCAL, DELAY and ERROR; 0 picks a free one (default:"
                        + " ${DEFAULT-VALUE})."));
    private final OptionSpec delay =
        add(
            spec,
            OptionSpec.builder("--delay")
                .paramLabel("S|MIN-MAX")
                .type(String.class)
                .defaultValue("0.5")
                .description("Delay in seconds, fixed or a range (default: ${DEFAULT-VALUE})."));
    private final OptionSpec errorRate =
        add(
            spec,
            OptionSpec.builder("--error-rate")
                .paramLabel("P")
                .type(double.class)
                .defaultValue("0.25")
                .description(
                    "Share of ERROR-server requests answered 418 (default: ${DEFAULT-VALUE})."));
    private final OptionSpec errorDelayShare =
        add(
            spec,
            OptionSpec.builder("--error-delay-share")
                .paramLabel("P")
                .type(double.class)
                .defaultValue("0.5")
                .description(
                    "Share of ERROR-server responses delayed (default: ${DEFAULT-VALUE})."));
    private final OptionSpec seed =
        add(
            spec,
            OptionSpec.builder("--seed")
                .paramLabel("N|random")
                .type(String.class)
                .defaultValue("0")
                .description(
                    "Makes every choice a function of seed and code; 'random' draws afresh per"
                        + " request (default: ${DEFAULT-VALUE})."));
    private final OptionSpec dir =
        add(
            spec,
            OptionSpec.builder("--dir")
                .paramLabel("DIR")
                .type(Path.class)
                .description(
                    "Serve DIR/flags/{cc}/{cc}.gif (the book's flags.zip) or DIR/{cc}.gif instead"
                        + " of generated images."));

    Serve(Env env) {
      this.env = env;
      addHelpOptions(spec);
    }

    @Override
    public Integer call() throws IOException {
      TestServers.Config config;
      try {
        config = config();
      } catch (IllegalArgumentException e) {
        throw usage(spec, e.getMessage());
      }
      Thread serving = Thread.currentThread();
      try (TestServers servers =
              TestServers.start(config, EnumSet.of(Site.LOCAL, Site.DELAY, Site.ERROR));
          Interrupt.Registration ctrlC = env.interrupt().onInterrupt(serving::interrupt)) {
        for (Site site : servers.sites()) {
          env.out().println(site + " ready: " + servers.url(site));
        }
        env.out().flush();
        Path dir = this.dir.getValue();
        env.err()
            .printf(
                "serving %s; delay %s; ERROR: %.0f%% answered 418, %.0f%% delayed; seed %s. Ctrl-C"
                    + " stops.%n",
                dir == null ? "generated images for 194 codes" : dir,
                config.delay(),
                100 * config.errorRate(),
                100 * config.errorDelayShare(),
                seed.getValue());
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ExitStatus.INTERRUPTED.code;
    }

    /** The servers' config from the parsed values; throws IllegalArgumentException for bad ones. */
    private TestServers.Config config() {
      int[] ports = this.ports.getValue();
      double errorRate = this.errorRate.getValue();
      double delayShare = errorDelayShare.getValue();
      Path dir = this.dir.getValue();
      String seed = this.seed.getValue();
      String bind = this.bind.getValue();
      if (ports.length != 3 || Arrays.stream(ports).anyMatch(p -> p < 0 || p > 65535)) {
        throw new IllegalArgumentException("--ports takes three ports, L,D,E, each 0 to 65535.");
      }
      if (!(errorRate >= 0 && errorRate <= 1) || !(delayShare >= 0 && delayShare <= 1)) {
        throw new IllegalArgumentException("--error-rate and --error-delay-share must be 0 to 1.");
      }
      if (dir != null && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--dir must be a directory: '" + dir + "'.");
      }
      OptionalLong seedValue;
      try {
        seedValue =
            seed.equalsIgnoreCase("random")
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(seed));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--seed takes a whole number or 'random', not '" + seed + "'.");
      }
      InetAddress address;
      try {
        address = InetAddress.getByName(bind);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--bind: unknown address '" + bind + "'.");
      }
      return new TestServers.Config(
          address,
          Map.of(Site.LOCAL, ports[0], Site.DELAY, ports[1], Site.ERROR, ports[2]),
          Delay.parse(delay.getValue()),
          errorRate,
          delayShare,
          seedValue,
          dir);
    }
  }

  /** {@code flags2 bench}: compares the strategies against a test server of its own. */
  private static final class BenchCommand implements Callable<Integer> {
    final CommandSpec spec =
        command(
            this,
            "bench",
            "flags2 bench [OPTIONS] [CC...]",
            "Compares the strategies: a table and an HTML report with a chart.",
            "Compares the strategies: each one at each concurrency level, several runs, against a"
                + " test server that 'flags2 serve' runs in a separate process (or any --server"
                + " URL). Prints a table of median, min and max elapsed time with the speed-up over"
                + " sequential, and writes an HTML report with a chart. Runs are measured in this"
                + " JVM after one unmeasured warm-up run per strategy. Default codes: a b c (78).");

    private final Env env;
    private final PositionalParamSpec ccArgs = codesParameter(spec);
    private final OptionSpec server =
        add(
            spec,
            OptionSpec.builder("-s", "--server")
                .paramLabel("LABEL|URL")
                .type(String.class)
                .defaultValue("DELAY")
                .description(
                    "LOCAL, DELAY or ERROR (started for the bench), or an http(s) base URL"
                        + " (default: ${DEFAULT-VALUE})."));
    private final OptionSpec strategies =
        add(
            spec,
            OptionSpec.builder("-t", "--strategies")
                .paramLabel("NAME")
                .type(List.class)
                .auxiliaryTypes(StrategyKind.class)
                .splitRegex(",")
                .converters(new StrategyConverter())
                .description("Strategies to compare (default: all four)."));
    private final OptionSpec levels =
        add(
            spec,
            OptionSpec.builder("-m", "--levels")
                .paramLabel("N")
                .type(List.class)
                .auxiliaryTypes(Integer.class)
                .splitRegex(",")
                .defaultValue("1,5,30,100")
                .description("Concurrency levels, as --max-req (default: ${DEFAULT-VALUE})."));
    private final OptionSpec runs =
        add(
            spec,
            OptionSpec.builder("--runs")
                .paramLabel("N")
                .type(int.class)
                .defaultValue("3")
                .description("Measured runs per strategy and level (default: ${DEFAULT-VALUE})."));
    private final OptionSpec delay =
        add(
            spec,
            OptionSpec.builder("--delay")
                .paramLabel("SECONDS")
                .type(String.class)
                .defaultValue("0.01")
                .description(
                    "Delay of the started server's delayed responses (default:"
                        + " ${DEFAULT-VALUE})."));
    private final OptionSpec html =
        add(
            spec,
            OptionSpec.builder("--html")
                .paramLabel("FILE")
                .type(Path.class)
                .defaultValue("flags2-bench.html")
                .description("Where the HTML report goes (default: ${DEFAULT-VALUE})."));
    private final OptionSpec timeout = timeoutOption(spec);

    BenchCommand(Env env) {
      this.env = env;
      addHelpOptions(spec);
    }

    @Override
    public Integer call() throws IOException {
      List<String> codes;
      Site.Target target;
      Delay serverDelay;
      List<Integer> levels = this.levels.getValue();
      int runs = this.runs.getValue();
      try {
        List<String> ccArgs = codeArgs(this.ccArgs);
        codes =
            Codes.expand(
                ccArgs.isEmpty() ? List.of("a", "b", "c") : ccArgs,
                false,
                false,
                Integer.MAX_VALUE);
        target = Site.parse(server.getValue(), env.sites());
        serverDelay = Delay.parse(delay.getValue());
      } catch (IllegalArgumentException e) {
        throw usage(spec, e.getMessage());
      }
      if (levels.stream().anyMatch(level -> level < 1 || level > 1000)) {
        throw usage(spec, "--levels must be 1 to 1000.");
      }
      if (runs < 1 || runs > 100) {
        throw usage(spec, "--runs must be 1 to 100.");
      }
      Duration perRequest = perRequestTimeout(spec, timeout);
      List<StrategyKind> strategies = this.strategies.getValue();
      List<StrategyKind> kinds =
          strategies == null
              ? List.of(StrategyKind.values())
              : strategies.stream().distinct().toList();
      List<Integer> sortedLevels = levels.stream().distinct().sorted().toList();
      Path html = this.html.getValue();
      BenchServer started = null;
      try {
        String origin;
        if (target.site().embeddable()) {
          started = BenchServer.start(target.site(), serverDelay);
          target = new Site.Target(target.site(), started.url());
          origin = "'flags2 serve' in its own process, delayed responses " + serverDelay;
        } else {
          origin = "given with --server";
        }
        Bench.Config config =
            new Bench.Config(codes, target, kinds, sortedLevels, runs, perRequest);
        List<Bench.Cell> cells = new Bench(config, env, env.err()).run();
        if (cells.isEmpty()) {
          env.err().println("bench interrupted; no report written");
          return ExitStatus.INTERRUPTED.code;
        }
        List<String> about =
            List.of(
                "flags2 bench: "
                    + codes.size()
                    + " flags ("
                    + codes.getFirst()
                    + " to "
                    + codes.getLast()
                    + ") from "
                    + target.site()
                    + " "
                    + target.display(),
                "server: " + origin,
                "each cell: median, min and max of "
                    + runs
                    + (runs == 1 ? " run" : " runs")
                    + " in one JVM, after one unmeasured warm-up run per"
                    + " strategy; times as each run reports them",
                "sequential keeps one request in flight at every level: measured at max-req "
                    + sortedLevels.getFirst()
                    + ", drawn flat",
                "machine: "
                    + Runtime.getRuntime().availableProcessors()
                    + " cores, "
                    + System.getProperty("os.name")
                    + ", Java "
                    + Runtime.version()
                    + ", "
                    + java.time.LocalDate.now());
        BenchReport report = new BenchReport(cells, about);
        report.printTable(env.out());
        Files.writeString(html, report.html("flags2 bench"));
        env.out().println();
        env.out().println("HTML report: " + html);
        return cells.stream().anyMatch(Bench.Cell::anyErrors)
            ? ExitStatus.ERRORS.code
            : ExitStatus.OK.code;
      } catch (InterruptedException e) {
        return ExitStatus.INTERRUPTED.code;
      } finally {
        if (started != null) {
          started.close();
        }
      }
    }
  }

  /**
   * {@code flags2 generate-completion}: prints the bash/zsh completion script. What picocli's
   * annotated {@code AutoComplete.GenerateCompletion} does, without its annotations.
   */
  private static final class Completion implements Callable<Integer> {
    final CommandSpec spec =
        command(
            this,
            "generate-completion",
            "flags2 generate-completion",
            "Prints the bash/zsh completion script for flags2.",
            "Run 'source <(flags2 generate-completion)' to give flags2 TAB completion in the"
                + " current shell.");

    Completion() {
      spec.helpCommand(true);
      addHelpOptions(spec);
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      // not println: a script with Windows line separators fails in strange ways
      out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
      out.print('\n');
      out.flush();
      return ExitStatus.OK.code;
    }
  }

  /** A command running {@code callable}; its options are listed in the order they are added. */
  private static CommandSpec command(
      Callable<Integer> callable,
      String name,
      String synopsis,
      String header,
      String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(callable).name(name).version(version());
    spec.usageMessage()
        .customSynopsis(synopsis)
        .header(header)
        .description(description)
        .sortOptions(false)
        .autoWidth(true);
    return spec;
  }

  /** Adds -h and -V, last, as each command's constructor does. */
  private static void addHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  private static OptionSpec add(CommandSpec spec, OptionSpec.Builder option) {
    OptionSpec built = option.build();
    spec.addOption(built);
    return built;
  }

  /** An on/off option: false unless given. */
  private static OptionSpec flag(CommandSpec spec, String description, String... names) {
    return add(
        spec,
        OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description));
  }

  private static OptionSpec timeoutOption(CommandSpec spec) {
    return add(
        spec,
        OptionSpec.builder("--timeout")
            .paramLabel("SECONDS")
            .type(double.class)
            .defaultValue("10")
            .description("Per-request timeout (default: ${DEFAULT-VALUE})."));
  }

  private static PositionalParamSpec codesParameter(CommandSpec spec) {
    PositionalParamSpec codes =
        PositionalParamSpec.builder()
            .paramLabel("CC")
            .arity("0..*")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description("Country codes or initial letters.")
            .build();
    spec.addPositional(codes);
    return codes;
  }

  /** The CC arguments given, or an empty list. */
  private static List<String> codeArgs(PositionalParamSpec ccArgs) {
    List<String> given = ccArgs.getValue();
    return given == null ? List.of() : given;
  }

  /** {@code --timeout} in seconds as a Duration; a usage error for anything outside (0, 3600]. */
  private static Duration perRequestTimeout(CommandSpec spec, OptionSpec timeout) {
    double seconds = timeout.getValue();
    if (!(seconds > 0 && seconds <= 3600)) {
      throw usage(spec, "--timeout must be more than 0 and at most 3600 seconds.");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static Map<String, String> exitCodes(String... codeAndMeaning) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < codeAndMeaning.length; i += 2) {
      codes.put(codeAndMeaning[i], codeAndMeaning[i + 1]);
    }
    return codes;
  }

  /** The version from the jar manifest. */
  private static String version() {
    String version = Cli.class.getPackage().getImplementationVersion();
    return "flags2 " + (version == null ? "(development build)" : version);
  }

  private static void enableDebugLogging() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    OKHTTP_LOGGER.setLevel(Level.FINE);
    OKHTTP_LOGGER.addHandler(handler);
  }

  /** Converts a strategy name, case-insensitively. */
  static final class StrategyConverter implements CommandLine.ITypeConverter<StrategyKind> {
    @Override
    public StrategyKind convert(String value) {
      for (StrategyKind kind : StrategyKind.values()) {
        if (kind.cliName().equalsIgnoreCase(value)) {
          return kind;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not a strategy; expected one of "
              + String.join(", ", new StrategyNames()));
    }
  }

  /** The strategy names, for help and completion. */
  static final class StrategyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(StrategyKind.values()).map(StrategyKind::cliName).iterator();
    }
  }
}
