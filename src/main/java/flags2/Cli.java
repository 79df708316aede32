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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code flags2 [OPTIONS] [CC...]} and {@code flags2 serve [OPTIONS]}. Parses and
 * validates into {@link Options} (or the servers' config) and returns an exit status; it never ends
 * the process. Usage errors print one {@code *** Usage error:} line and the usage line, and exit 2
 * before anything is sent or created.
 */
@Command(
    name = "flags2",
    customSynopsis = "flags2 [OPTIONS] [CC...]",
    header = "Concurrent flag downloader: Fluent Python's flags2 examples as one tool.",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    subcommands = AutoComplete.GenerateCompletion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Downloads flag images, {base}/{cc}/{cc}.gif, for two-letter country codes, with a choice of"
          + " concurrency strategies; 'flags2 serve' runs the LOCAL, DELAY and ERROR test servers.",
      "",
      "CC is a two-letter code (br) or one letter for all 26 codes starting with it (b: BA to BZ);"
          + " case-insensitive. Default: the 20 most populous countries."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every code OK or not found",
      "1:at least one error",
      "2:usage error",
      "3:destination unusable",
      "130:interrupted (Ctrl-C)"
    },
    footerHeading = "%nShell completion:%n",
    footer = "bash, zsh: source <(flags2 generate-completion)")
public final class Cli implements Callable<Integer> {
  private static final Logger OKHTTP_LOGGER = Logger.getLogger("okhttp3");

  @Spec private CommandSpec spec;
  private final Env env;

  @Parameters(paramLabel = "CC", arity = "0..*", description = "Country codes or initial letters.")
  private List<String> ccArgs = new ArrayList<>();

  @Option(names = {"-a", "--all"}, description = "Every code in country_codes.txt (194).")
  private boolean all;

  @Option(names = {"-e", "--every"}, description = "Every possible code, AA to ZZ (676).")
  private boolean every;

  @Option(names = {"-l", "--limit"}, paramLabel = "N", description = "Keep the first N codes after sorting.")
  private Integer limit;

  @Option(
      names = {"-m", "--max-req", "--max_req"},
      paramLabel = "N",
      description = "Maximum concurrent requests (default: sequential 1, threadpool 30, async 5, virtual 30).")
  private Integer maxReq;

  @Option(
      names = {"-s", "--server"},
      paramLabel = "LABEL|URL",
      defaultValue = "LOCAL",
      description = "LOCAL, DELAY, ERROR, REMOTE or an http(s) base URL (default: ${DEFAULT-VALUE}).")
  private String server;

  @Option(
      names = {"-t", "--strategy"},
      paramLabel = "NAME",
      converter = StrategyConverter.class,
      completionCandidates = StrategyNames.class,
      description = "${COMPLETION-CANDIDATES} (default: threadpool).")
  private StrategyKind strategy = StrategyKind.DEFAULT;

  @Option(
      names = {"-d", "--dest"},
      paramLabel = "DIR",
      defaultValue = "downloads",
      description = "Where images are saved (default: ${DEFAULT-VALUE}).")
  private Path dest;

  @Option(names = {"-v", "--verbose"}, description = "One line per code; no progress bar.")
  private boolean verbose;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
  private double timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "0",
      description = "Retries for connection errors, timeouts, 429 and 5xx (default: ${DEFAULT-VALUE}).")
  private int retries;

  @Option(
      names = "--max-size",
      paramLabel = "BYTES",
      defaultValue = "" + Downloader.DEFAULT_MAX_SIZE,
      description = "Largest image accepted (default: 5 MiB).")
  private long maxSize;

  @Option(names = "--no-embedded", description = "Never start an embedded test server.")
  private boolean noEmbedded;

  @Option(names = "--json", description = "One JSON object on stdout instead of the report (fields: see README).")
  private boolean json;

  @Option(names = "--debug", description = "Debug logging (flags2 and OkHttp) to stderr.")
  private boolean debug;

  Cli(Env env) {
    this.env = env;
  }

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
    return new CommandLine(new Cli(env));
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String synopsis = String.join(" ", cmd.getCommandSpec().usageMessage().customSynopsis());
    cmd.getErr().println("*** Usage error: " + e.getMessage());
    cmd.getErr().println("Usage: " + synopsis + "  (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return ExitStatus.USAGE.code;
  }

  @Override
  public Integer call() {
    Options options = options();
    if (options.debug()) {
      enableDebugLogging();
    }
    return new DownloadRun(options, env).execute().status().code;
  }

  /** Validates the parsed fields into {@link Options}; throws a usage error for bad values. */
  Options options() {
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1.");
    }
    if (maxReq != null && maxReq < 1) {
      throw usage("--max-req must be at least 1.");
    }
    Duration perRequest;
    try {
      perRequest = perRequestTimeout(timeout);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (retries < 0 || retries > 10) {
      throw usage("--retries must be 0 to 10.");
    }
    if (maxSize < 1) {
      throw usage("--max-size must be at least 1 byte.");
    }
    List<String> codes;
    Site.Target target;
    try {
      codes = Codes.expand(ccArgs, all, every, limit == null ? Integer.MAX_VALUE : limit);
      target = Site.parse(server, env.sites());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    return new Options(
        codes,
        target,
        strategy,
        strategy.limit(maxReq, codes.size()),
        dest,
        verbose,
        perRequest,
        retries,
        maxSize,
        !noEmbedded,
        json,
        debug);
  }

  @Command(
      name = "serve",
      customSynopsis = "flags2 serve [OPTIONS]",
      header = "Runs the LOCAL, DELAY and ERROR test servers.",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Runs the test servers until interrupted: LOCAL (static), DELAY (every response delayed) and"
            + " ERROR (some requests answered 418 I'm a Teapot, some responses delayed), serving"
            + " /flags/{cc}/{cc}.gif and /flags/{cc}/metadata.json."
      })
  int serve(
      @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
          String bind,
      @Option(names = "--ports", paramLabel = "L,D,E", defaultValue = "8001,8002,8003", split = ",", description = "Ports of LOCAL, DELAY and ERROR; 0 picks a free one (default: ${DEFAULT-VALUE}).")
          int[] ports,
      @Option(names = "--delay", paramLabel = "S|MIN-MAX", defaultValue = "0.5", description = "Delay in seconds, fixed or a range (default: ${DEFAULT-VALUE}).")
          String delay,
      @Option(names = "--error-rate", paramLabel = "P", defaultValue = "0.25", description = "Share of ERROR-server requests answered 418 (default: ${DEFAULT-VALUE}).")
          double errorRate,
      @Option(names = "--error-delay-share", paramLabel = "P", defaultValue = "0.5", description = "Share of ERROR-server responses delayed (default: ${DEFAULT-VALUE}).")
          double errorDelayShare,
      @Option(names = "--seed", paramLabel = "N|random", defaultValue = "0", description = "Makes every choice a function of seed and code; 'random' draws afresh per request (default: ${DEFAULT-VALUE}).")
          String seed,
      @Option(names = "--dir", paramLabel = "DIR", description = "Serve DIR/flags/{cc}/{cc}.gif (the book's flags.zip) or DIR/{cc}.gif instead of generated images.")
          Path dir)
      throws IOException {
    CommandSpec serveSpec = spec.subcommands().get("serve").getCommandSpec();
    TestServers.Config config;
    try {
      config = serveConfig(bind, ports, delay, errorRate, errorDelayShare, seed, dir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(serveSpec.commandLine(), e.getMessage());
    }
    Thread serving = Thread.currentThread();
    try (TestServers servers = TestServers.start(config, EnumSet.of(Site.LOCAL, Site.DELAY, Site.ERROR));
        Interrupt.Registration ctrlC = env.interrupt().onInterrupt(serving::interrupt)) {
      for (Site site : servers.sites()) {
        env.out().println(site + " ready: " + servers.url(site));
      }
      env.out().flush();
      env.err().printf(
          "serving %s; delay %s; ERROR: %.0f%% answered 418, %.0f%% delayed; seed %s. Ctrl-C stops.%n",
          dir == null ? "generated images for 194 codes" : dir, config.delay(), 100 * errorRate, 100 * errorDelayShare, seed);
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitStatus.INTERRUPTED.code;
  }

  @Command(
      name = "bench",
      customSynopsis = "flags2 bench [OPTIONS] [CC...]",
      header = "Compares the strategies: a table and an HTML report with a chart.",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Compares the strategies: each one at each concurrency level, several runs, against a test"
            + " server that 'flags2 serve' runs in a separate process (or any --server URL). Prints a"
            + " table of median, min and max elapsed time with the speed-up over sequential, and"
            + " writes an HTML report with a chart. Runs are measured in this JVM after one unmeasured"
            + " warm-up run per strategy. Default codes: a b c (78)."
      })
  int bench(
      @Parameters(paramLabel = "CC", arity = "0..*", description = "Country codes or initial letters.")
          List<String> ccArgs,
      @Option(names = {"-s", "--server"}, paramLabel = "LABEL|URL", defaultValue = "DELAY", description = "LOCAL, DELAY or ERROR (started for the bench), or an http(s) base URL (default: ${DEFAULT-VALUE}).")
          String server,
      @Option(names = {"-t", "--strategies"}, paramLabel = "NAME", split = ",", converter = StrategyConverter.class, description = "Strategies to compare (default: all four).")
          List<StrategyKind> strategies,
      @Option(names = {"-m", "--levels"}, paramLabel = "N", split = ",", defaultValue = "1,5,30,100", description = "Concurrency levels, as --max-req (default: ${DEFAULT-VALUE}).")
          List<Integer> levels,
      @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Measured runs per strategy and level (default: ${DEFAULT-VALUE}).")
          int runs,
      @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0.01", description = "Delay of the started server's delayed responses (default: ${DEFAULT-VALUE}).")
          String delay,
      @Option(names = "--html", paramLabel = "FILE", defaultValue = "flags2-bench.html", description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
          Path html,
      @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
          double timeout)
      throws IOException {
    CommandSpec benchSpec = spec.subcommands().get("bench").getCommandSpec();
    List<String> codes;
    Site.Target target;
    Delay serverDelay;
    Duration perRequest;
    try {
      codes = Codes.expand(ccArgs == null || ccArgs.isEmpty() ? List.of("a", "b", "c") : ccArgs, false, false, Integer.MAX_VALUE);
      target = Site.parse(server, env.sites());
      serverDelay = Delay.parse(delay);
      if (levels.stream().anyMatch(level -> level < 1 || level > 1000)) {
        throw new IllegalArgumentException("--levels must be 1 to 1000.");
      }
      if (runs < 1 || runs > 100) {
        throw new IllegalArgumentException("--runs must be 1 to 100.");
      }
      perRequest = perRequestTimeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(benchSpec.commandLine(), e.getMessage());
    }
    List<StrategyKind> kinds = strategies == null ? List.of(StrategyKind.values()) : strategies.stream().distinct().toList();
    List<Integer> sortedLevels = levels.stream().distinct().sorted().toList();
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
      Bench.Config config = new Bench.Config(codes, target, kinds, sortedLevels, runs, perRequest);
      List<Bench.Cell> cells = new Bench(config, env, env.err()).run();
      if (cells.isEmpty()) {
        env.err().println("bench interrupted; no report written");
        return ExitStatus.INTERRUPTED.code;
      }
      List<String> about =
          List.of(
              "flags2 bench: " + codes.size() + " flags (" + codes.getFirst() + " to " + codes.getLast() + ") from "
                  + target.site() + " " + target.display(),
              "server: " + origin,
              "each cell: median, min and max of " + runs + (runs == 1 ? " run" : " runs") + " in one JVM, after one unmeasured warm-up run per"
                  + " strategy; times as each run reports them",
              "sequential keeps one request in flight at every level: measured at max-req " + sortedLevels.getFirst()
                  + ", drawn flat",
              "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                  + ", Java " + Runtime.version() + ", " + java.time.LocalDate.now());
      BenchReport report = new BenchReport(cells, about);
      report.printTable(env.out());
      Files.writeString(html, report.html("flags2 bench"));
      env.out().println();
      env.out().println("HTML report: " + html);
      return cells.stream().anyMatch(Bench.Cell::anyErrors) ? ExitStatus.ERRORS.code : ExitStatus.OK.code;
    } catch (InterruptedException e) {
      return ExitStatus.INTERRUPTED.code;
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  private static TestServers.Config serveConfig(
      String bind, int[] ports, String delay, double errorRate, double delayShare, String seed, Path dir) {
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
      seedValue = seed.equalsIgnoreCase("random") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed takes a whole number or 'random', not '" + seed + "'.");
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
        Delay.parse(delay),
        errorRate,
        delayShare,
        seedValue,
        dir);
  }

  /** {@code --timeout} in seconds as a Duration; throws for anything outside (0, 3600]. */
  private static Duration perRequestTimeout(double seconds) {
    if (!(seconds > 0 && seconds <= 3600)) {
      throw new IllegalArgumentException("--timeout must be more than 0 and at most 3600 seconds.");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static void enableDebugLogging() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    OKHTTP_LOGGER.setLevel(Level.FINE);
    OKHTTP_LOGGER.addHandler(handler);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"flags2 " + (version == null ? "(development build)" : version)};
    }
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
          "'" + value + "' is not a strategy; expected one of " + String.join(", ", new StrategyNames()));
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
