package flags2.cli;

import flags2.report.ExitStatus;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command line: {@code flags2 [OPTIONS] [CC...]} and its subcommands, one class each. Runs them
 * and returns the exit status; it never ends the process. A usage error prints one {@code *** Usage
 * error:} line and the usage line, and exits 2 before anything is sent or created.
 */
public final class Cli {
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

  /**
   * The command and its subcommands, before any output or error handling is set. Public for the
   * build's man-page generator ({@code src/build/java/ManPage.java}), which is not in this package.
   */
  public static CommandLine commandLine(Env env) {
    CommandLine cmd = new CommandLine(new DownloadCommand(env).spec());
    cmd.addSubcommand(new ServeCommand(env).spec());
    cmd.addSubcommand(new BenchCommand(env).spec());
    cmd.addSubcommand(new CompletionCommand().spec());
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
}
