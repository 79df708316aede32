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
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    subcommands = AutoComplete.GenerateCompletion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Downloads flag images, {base}/{cc}/{cc}.gif, for two-letter country codes, with a choice of"
          + " concurrency strategies; `flags2 serve` runs the LOCAL, DELAY and ERROR test servers.",
      "",
      "CC is a two-letter code (br) or one letter for all 26 codes starting with it (b: BA to BZ);"
          + " case-insensitive. Default: the 20 most populous countries."
    },
    footer = {
      "",
      "Exit status: 0 every code OK or not found; 1 at least one error; 2 usage error;"
          + " 3 destination unusable; 130 interrupted.",
      "",
      "Shell completion (bash, zsh): source <(flags2 generate-completion)"
    })
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
      defaultValue = "5242880",
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
    CommandLine cmd = new CommandLine(new Cli(env));
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
    return new DownloadRun(options, env).execute().code;
  }

  /** Validates the parsed fields into {@link Options}; throws a usage error for bad values. */
  Options options() {
    if (limit != null && limit < 1) {
      throw usage("--limit must be at least 1.");
    }
    if (maxReq != null && maxReq < 1) {
      throw usage("--max-req must be at least 1.");
    }
    if (!(timeout > 0 && timeout <= 3600)) {
      throw usage("--timeout must be more than 0 and at most 3600 seconds.");
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
        Duration.ofMillis(Math.round(timeout * 1000)),
        retries,
        maxSize,
        !noEmbedded,
        json,
        debug);
  }

  @Command(
      name = "serve",
      customSynopsis = "flags2 serve [OPTIONS]",
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
