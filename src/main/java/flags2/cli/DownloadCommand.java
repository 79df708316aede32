package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.common.Codes;
import flags2.common.Site;
import flags2.download.DownloadOptions;
import flags2.download.DownloadRun;
import flags2.report.Console;
import flags2.report.ExitStatus;
import flags2.strategy.StrategyKind;
import flags2.timeline.TimelineFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code flags2 [OPTIONS] [CC...]}: downloads the flags; the root command. */
final class DownloadCommand implements Callable<Integer> {
  private final Env env;
  private final CommandSpec spec;
  private final Opt<List<String>> ccArgs;
  private final Opt<Boolean> all;
  private final Opt<Boolean> every;
  private final Opt<Integer> limit;
  private final Opt<Integer> maxReq;
  private final Opt<String> server;
  private final Opt<StrategyKind> strategy;
  private final Opt<Path> dest;
  private final Opt<Boolean> verbose;
  private final Opt<Boolean> quiet;
  private final Opt<Double> timeout;
  private final Opt<Integer> retries;
  private final Opt<Long> maxSize;
  private final Opt<Boolean> noEmbedded;
  private final Opt<Boolean> json;
  private final Opt<Path> timeline;
  private final Opt<Boolean> countryNames;
  private final Declaration.ProxyOptions proxy;
  private final Opt<Boolean> debug;
  private final TrustOptions trust;
  private final HttpVersionOptions httpVersion;

  DownloadCommand(Env env) {
    this.env = env;
    Declaration command =
        Declaration.command(
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
    ccArgs = command.codes();
    all = command.flag("Every code in country_codes.txt (194).", "-a", "--all");
    every = command.flag("Every possible code, AA to ZZ (676).", "-e", "--every");
    limit =
        command.option(
            Integer.class,
            OptionSpec.builder("-l", "--limit")
                .paramLabel("N")
                .description("Keep the first N codes after sorting."));
    maxReq =
        command.option(
            Integer.class,
            OptionSpec.builder("-m", "--max-req", "--max_req")
                .paramLabel("N")
                .description(
                    "Maximum concurrent requests (default: sequential 1, threadpool 30, async 5,"
                        + " virtual 30)."));
    server =
        command.option(
            String.class,
            OptionSpec.builder("-s", "--server")
                .paramLabel("LABEL|URL")
                .completionCandidates(List.of("LOCAL", "DELAY", "ERROR", "REMOTE"))
                .defaultValue("LOCAL")
                .description(
                    "LOCAL, DELAY, ERROR, REMOTE or an http(s) base URL (default:"
                        + " ${DEFAULT-VALUE})."));
    strategy =
        command.option(
            StrategyKind.class,
            OptionSpec.builder("-t", "--strategy")
                .paramLabel("NAME")
                .converters(new StrategyConverter())
                .completionCandidates(new StrategyConverter.Names())
                .initialValue(StrategyKind.DEFAULT)
                .description("${COMPLETION-CANDIDATES} (default: threadpool)."));
    dest =
        command.option(
            Path.class,
            OptionSpec.builder("-d", "--dest")
                .paramLabel("DIR")
                .defaultValue("downloads")
                .description("Where images are saved (default: ${DEFAULT-VALUE})."));
    verbose = command.flag("One line per code; no progress bar.", "-v", "--verbose");
    quiet = command.flag("No progress bar, no notes (errors still on stderr).", "-q", "--quiet");
    timeout = command.timeout();
    retries =
        command.option(
            int.class,
            OptionSpec.builder("--retries")
                .paramLabel("N")
                .defaultValue("0")
                .description(
                    "Retries for connection errors, timeouts, 429 and 5xx (default:"
                        + " ${DEFAULT-VALUE})."));
    maxSize =
        command.option(
            long.class,
            OptionSpec.builder("--max-size")
                .paramLabel("BYTES")
                .defaultValue("" + DownloadOptions.DEFAULT_MAX_SIZE)
                .description("Largest image accepted (default: 5 MiB)."));
    noEmbedded = command.flag("Never start an embedded test server.", "--no-embedded");
    json =
        command.flag("One JSON object on stdout instead of the report (fields: below).", "--json");
    timeline =
        command.option(
            Path.class,
            OptionSpec.builder("--timeline")
                .paramLabel("FILE")
                .description(
                    "Every request on a time axis: a .html or .svg chart, or .json in the Trace"
                        + " Event Format (Perfetto)."));
    countryNames =
        command.flag(
            "Two requests per code (the book's flags3): image and metadata.json; save as"
                + " {Country_Name}.gif.",
            "--country-names");
    proxy = command.proxy();
    trust = new TrustOptions(command);
    httpVersion = new HttpVersionOptions(command);
    debug = command.flag("Debug logging (flags2 and OkHttp) to stderr.", "--debug");
    command.exitStatus(
        Declaration.exit(ExitStatus.OK, "every code OK or not found"),
        Declaration.exit(ExitStatus.ERRORS, "at least one error"),
        Declaration.exit(ExitStatus.USAGE, "usage error"),
        Declaration.exit(ExitStatus.DESTINATION, "destination unusable"),
        Declaration.exit(ExitStatus.INTERRUPTED, "interrupted (Ctrl-C)"),
        Declaration.exit(ExitStatus.TERMINATED, "terminated (SIGTERM)"),
        Declaration.exit(ExitStatus.HUNG_UP, "hung up (SIGHUP)"),
        Declaration.exit(ExitStatus.BROKEN_PIPE, "stdout closed by its reader (| head)"));
    spec = command.withHelpOptions(Manual.download());
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    DownloadOptions options = options();
    Console console = env.console();
    if (debug.get()) { // its lines would break the bar's: no bar, as with -v
      console = new Console(console.out(), console.err(), false, console.columns());
    }
    try (DebugLogging logging = debug.get() ? DebugLogging.to(console.err()) : null) {
      return new DownloadRun(options, console, env.nanoTime(), env.interrupt())
          .execute()
          .status()
          .code;
    }
  }

  /** Validates the parsed values into options; throws a usage error for bad values. */
  private DownloadOptions options() {
    Integer limit = this.limit.get();
    Integer maxReq = this.maxReq.get();
    if (limit != null && limit < 1) {
      throw usage(spec, "--limit must be at least 1.");
    }
    if (maxReq != null && maxReq < 1) {
      throw usage(spec, "--max-req must be at least 1.");
    }
    Duration perRequest = Validate.timeout(spec, timeout);
    int retries = this.retries.get();
    if (retries < 0 || retries > 10) {
      throw usage(spec, "--retries must be 0 to 10.");
    }
    Path dest = this.dest.get();
    if (dest.toString().isBlank()) { // Path.of("") is the current directory
      throw usage(spec, "--dest must name a directory, not '" + dest + "'.");
    }
    long maxSize = this.maxSize.get();
    if (maxSize < 1) {
      throw usage(spec, "--max-size must be at least 1 byte.");
    }
    Path timeline = this.timeline.get();
    if (timeline != null) {
      String problem = TimelineFile.problem(timeline);
      if (problem != null) {
        throw usage(spec, problem);
      }
    }
    List<String> args = Validate.codeArgs(ccArgs);
    Suggestions.commandTypo(spec.commandLine(), args)
        .ifPresent(
            typo -> {
              throw usage(spec, typo);
            });
    List<String> codes;
    Site.Target target;
    try {
      codes = Codes.expand(args, all.get(), every.get(), limit == null ? Integer.MAX_VALUE : limit);
      target = Site.parse(server.get(), env.sites());
    } catch (IllegalArgumentException e) {
      throw usage(spec, e.getMessage());
    }
    return DownloadOptions.builder()
        .codes(codes)
        .target(target)
        .strategy(strategy.get())
        .maxRequests(maxReq)
        .dest(dest)
        .verbose(verbose.get())
        .quiet(quiet.get())
        .timeout(perRequest)
        .retries(retries)
        .maxSize(maxSize)
        .embedded(!noEmbedded.get())
        .json(json.get())
        .timeline(timeline)
        .countryNames(countryNames.get())
        .proxies(Validate.proxies(spec, env, proxy))
        .trust(trust.trust(env, spec, target.url().isHttps()))
        .httpVersion(httpVersion.version(spec))
        .build();
  }
}
