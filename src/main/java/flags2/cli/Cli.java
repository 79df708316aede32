package flags2.cli;

import flags2.report.ExitStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code flags2 [OPTIONS] [CC...]} and its subcommands, one class each. Runs them
 * and returns the exit status; it never ends the process. A usage error prints one {@code *** Usage
 * error:} line (with picocli's suggestions, when it has some) and the usage line, and exits 2
 * before anything is sent or created.
 */
public final class Cli {
  private Cli() {}

  /** Runs the command line and returns the exit status. */
  public static int run(String[] args, Env env) {
    CommandLine cmd = commandLine(env);
    cmd.setOut(new PrintWriter(env.out(), true));
    cmd.setErr(new PrintWriter(env.err(), true));
    cmd.setParameterExceptionHandler(Cli::usageError);
    cmd.setExecutionStrategy(Cli::execute);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("*** Error: " + e);
          return ExitStatus.ERRORS.code;
        });
    int status = cmd.execute(args);
    env.out().flush();
    // stdout failed (its reader gone, a full disk) as the run ended: the report was lost, so no
    // success is claimed; the status says which
    boolean lost = env.out().checkError();
    if (lost && (status == ExitStatus.OK.code || status == ExitStatus.ERRORS.code)) {
      return env.interrupt().status() == ExitStatus.BROKEN_PIPE
          ? ExitStatus.BROKEN_PIPE.code
          : ExitStatus.ERRORS.code;
    }
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
    cmd.addSubcommand("help", new HelpCommand());
    return cmd;
  }

  /**
   * picocli's {@link RunLast}, after refusing what it would silently drop: codes or options of the
   * download command before a subcommand ({@code flags2 xx serve}).
   */
  private static int execute(ParseResult parsed) {
    ParseResult sub = parsed.subcommand();
    boolean helpAsked = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
    if (sub != null && !helpAsked && !parsed.matchedArgs().isEmpty()) {
      List<String> args = parsed.originalArgs();
      String name = sub.commandSpec().name();
      int at = args.indexOf(name);
      String before = String.join(" ", args.subList(0, at < 0 ? args.size() : at));
      throw new ParameterException(
          sub.commandSpec().commandLine(),
          String.format("'%s' before '%s' is not allowed: the command comes first.", before, name));
    }
    return new RunLast().execute(parsed);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String message = e.getMessage();
    // 'flags2 sevre --ports 0,0,0', 'flags2 help sevre': the typo, not what follows it
    Optional<String> typo =
        cmd.getParent() == null ? Suggestions.commandTypo(cmd, List.of(args)) : Optional.empty();
    if (typo.isPresent()) {
      message = typo.get();
    } else if (e instanceof UnmatchedArgumentException unmatched
        && !Suggestions.forUnmatched(unmatched).isEmpty()) {
      message =
          message
              + "; did you mean "
              + Suggestions.quotedChoice(Suggestions.forUnmatched(unmatched))
              + "?";
    }
    String[] custom = cmd.getCommandSpec().usageMessage().customSynopsis();
    String synopsis =
        custom.length > 0 ? String.join(" ", custom) : cmd.getHelp().synopsis(0).strip();
    cmd.getErr().println("*** Usage error: " + message);
    cmd.getErr()
        .println(
            "Usage: " + synopsis + "  (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return ExitStatus.USAGE.code;
  }
}
