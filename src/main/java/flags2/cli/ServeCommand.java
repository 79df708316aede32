package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.common.ReadyLine;
import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import flags2.serve.Delay;
import flags2.serve.ServerTls;
import flags2.serve.TestServers;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code flags2 serve}: runs the test servers until interrupted, after printing a {@link ReadyLine}
 * per server on stdout.
 */
final class ServeCommand implements Callable<Integer> {
  private final Env env;
  private final CommandSpec spec;
  private final Opt<String> bind;
  private final Opt<int[]> ports;
  private final Opt<String> delay;
  private final Opt<Double> errorRate;
  private final Opt<Double> errorDelayShare;
  private final Opt<Integer> errorStatus;
  private final Opt<String> seed;
  private final Opt<Path> dir;
  private final Opt<Path> readyFile;
  private final ServeTlsOptions tls;

  ServeCommand(Env env) {
    this.env = env;
    Declaration command =
        Declaration.command(
            this,
            "serve",
            "flags2 serve [OPTIONS]",
            "Runs the LOCAL, DELAY and ERROR test servers.",
            "Runs the test servers until interrupted: LOCAL (static), DELAY (every response"
                + " delayed) and ERROR (some requests failed with 418 I'm a Teapot or"
                + " --error-status, some responses delayed), serving /flags/{cc}/{cc}.gif and"
                + " /flags/{cc}/metadata.json.");
    bind =
        command.option(
            String.class,
            OptionSpec.builder("--bind")
                .paramLabel("ADDR")
                .defaultValue("127.0.0.1")
                .description("Address to listen on (default: ${DEFAULT-VALUE})."));
    ports =
        command.option(
            int[].class,
            OptionSpec.builder("--ports")
                .paramLabel("L,D,E")
                .hideParamSyntax(true)
                .splitRegex(",")
                .defaultValue("8001,8002,8003")
                .description(
                    "Ports of LOCAL, DELAY and ERROR; 0 picks a free one (default:"
                        + " ${DEFAULT-VALUE})."));
    delay =
        command.option(
            String.class,
            OptionSpec.builder("--delay")
                .paramLabel("S|MIN-MAX")
                .defaultValue("0.5")
                .description("Delay in seconds, fixed or a range (default: ${DEFAULT-VALUE})."));
    errorRate =
        command.option(
            double.class,
            OptionSpec.builder("--error-rate")
                .paramLabel("P")
                .defaultValue("0.25")
                .description(
                    "Share of ERROR-server requests failed with --error-status (default:"
                        + " ${DEFAULT-VALUE})."));
    errorDelayShare =
        command.option(
            double.class,
            OptionSpec.builder("--error-delay-share")
                .paramLabel("P")
                .defaultValue("0.5")
                .description(
                    "Share of ERROR-server responses delayed (default: ${DEFAULT-VALUE})."));
    errorStatus =
        command.option(
            int.class,
            OptionSpec.builder("--error-status")
                .paramLabel("CODE")
                .defaultValue("418")
                .description(
                    "What ERROR answers when it fails a request: 418 (never retried) or e.g. 503,"
                        + " sent with Retry-After: 1 (default: ${DEFAULT-VALUE})."));
    seed =
        command.option(
            String.class,
            OptionSpec.builder("--seed")
                .paramLabel("N|random")
                .defaultValue("0")
                .description(
                    "Makes every choice a function of seed and code; 'random' draws afresh per"
                        + " request (default: ${DEFAULT-VALUE})."));
    dir =
        command.option(
            Path.class,
            OptionSpec.builder("--dir")
                .paramLabel("DIR")
                .description(
                    "Serve DIR/flags/{cc}/{cc}.gif (the book's flags.zip) or DIR/{cc}.gif instead"
                        + " of generated images."));
    readyFile =
        command.option(
            Path.class,
            OptionSpec.builder("--ready-file")
                .paramLabel("FILE")
                .description(
                    "Also write the ready lines to FILE, all at once when every server listens;"
                        + " deleted when the servers stop."));
    tls = new ServeTlsOptions(command);
    command.exitStatus(
        Declaration.exit(
            ExitStatus.ERRORS, "a port taken, or --ready-file or --ca-file not writable"),
        Declaration.exit(ExitStatus.USAGE, "usage error"),
        Declaration.exit(ExitStatus.INTERRUPTED, "stopped by Ctrl-C, as it runs until then"),
        Declaration.exit(ExitStatus.TERMINATED, "terminated (SIGTERM)"),
        Declaration.exit(ExitStatus.HUNG_UP, "hung up (SIGHUP)"));
    spec = command.withHelpOptions(Manual.serve());
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    TestServers.Config config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw usage(spec, e.getMessage());
    }
    ServerTls serverTls;
    try {
      serverTls = tls.start();
    } catch (IOException e) {
      env.err().println("*** Error: " + e.getMessage());
      return ExitStatus.ERRORS.code;
    }
    TestServers started;
    try {
      started =
          TestServers.start(config, EnumSet.of(Site.LOCAL, Site.DELAY, Site.ERROR), serverTls);
    } catch (BindException e) {
      env.err().println("*** Error: " + e.getMessage() + "; choose others with --ports");
      return ExitStatus.ERRORS.code;
    }
    Thread serving = Thread.currentThread();
    try (TestServers servers = started;
        Interrupt.Registration ctrlC = env.interrupt().onInterrupt(serving::interrupt)) {
      List<String> ready =
          servers.sites().stream()
              .map(site -> new ReadyLine(site, servers.url(site)).toString())
              .toList();
      ReadyFile written;
      try {
        written = ReadyFile.write(readyFile.get(), ready);
      } catch (IOException e) {
        env.err().println("*** Error: " + e.getMessage());
        return ExitStatus.ERRORS.code;
      }
      try (written) {
        ready.forEach(env.out()::println); // after the file: "ready" is said only once it is true
        if (tls.caLine() != null) {
          env.out().println(tls.caLine());
        }
        env.out().flush();
        announce(config);
        new CountDownLatch(1).await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return env.interrupt().status().code;
  }

  /** One line on stderr: what is served, and how it misbehaves. */
  private void announce(TestServers.Config config) {
    Path dir = this.dir.get();
    env.err()
        .printf(
            "serving %s; delay %s; ERROR: %.0f%% answered %d, %.0f%% delayed; seed %s. Ctrl-C"
                + " stops.%n",
            dir == null ? "generated images for 194 codes" : dir,
            config.delay(),
            100 * config.errorRate(),
            config.errorStatus(),
            100 * config.errorDelayShare(),
            seed.get());
  }

  /** The servers' config from the parsed values; throws IllegalArgumentException for bad ones. */
  private TestServers.Config config() {
    int[] ports = this.ports.get();
    double errorRate = this.errorRate.get();
    double delayShare = errorDelayShare.get();
    Path dir = this.dir.get();
    String seed = this.seed.get();
    String bind = this.bind.get();
    if (ports.length != 3 || Arrays.stream(ports).anyMatch(p -> p < 0 || p > 65535)) {
      throw new IllegalArgumentException("--ports takes three ports, L,D,E, each 0 to 65535.");
    }
    if (!(errorRate >= 0 && errorRate <= 1) || !(delayShare >= 0 && delayShare <= 1)) {
      throw new IllegalArgumentException("--error-rate and --error-delay-share must be 0 to 1.");
    }
    if (readyFile.get() != null && Files.isDirectory(readyFile.get())) {
      throw new IllegalArgumentException(
          "--ready-file must name a file, not the directory '" + readyFile.get() + "'.");
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
        Delay.parse(delay.get()),
        errorRate,
        delayShare,
        errorStatus.get(),
        seedValue,
        dir);
  }
}
