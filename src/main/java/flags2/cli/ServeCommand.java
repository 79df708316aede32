package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.common.ReadyLine;
import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import flags2.serve.ServerTls;
import flags2.serve.TestServers;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
  private final ServeOptions options;
  private final ServeTlsOptions tls;

  /**
   * Hidden: {@code flags2 bench} starts its server as a child process and stops it when done, but a
   * bench killed with SIGKILL never gets there; with this the child sees its parent end and stops.
   */
  private final Opt<Boolean> exitWithParent;

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
    options = new ServeOptions(command);
    tls = new ServeTlsOptions(command);
    exitWithParent =
        command.option(
            boolean.class,
            OptionSpec.builder("--exit-with-parent")
                .hidden(true)
                .initialValue(false)
                .description("Stop when the process that started this one ends (for bench)."));
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
      config = options.config();
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
    if (exitWithParent.get()) { // before "ready": a parent that has seen it may end at once
      ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(serving::interrupt));
    }
    try (TestServers servers = started;
        Interrupt.Registration ctrlC = env.interrupt().onInterrupt(serving::interrupt)) {
      List<String> ready =
          servers.sites().stream()
              .map(site -> new ReadyLine(site, servers.url(site)).toString())
              .toList();
      ReadyFile written;
      try {
        written = ReadyFile.write(options.readyFile(), ready);
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
    Path dir = options.dir();
    env.err()
        .printf(
            "serving %s; delay %s; ERROR: %.0f%% answered %d, %.0f%% delayed; seed %s. Ctrl-C"
                + " stops.%n",
            dir == null ? "generated images for 194 codes" : dir,
            config.delay(),
            100 * config.errorRate(),
            config.errorStatus(),
            100 * config.errorDelayShare(),
            options.seed());
  }
}
