package flags2.cli;

import flags2.report.ExitStatus;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

  /**
   * The subcommand of {@code cmd} that {@code word} is most likely a typo of: at most one edit
   * (letter added, dropped, changed, or two swapped) per three letters away from its name.
   */
  static Optional<String> resemblingCommand(CommandLine cmd, String word) {
    String typed = word.toLowerCase(Locale.ROOT);
    return cmd.getSubcommands().keySet().stream()
        .filter(name -> editDistance(typed, name) <= Math.max(1, typed.length() / 3))
        .min(Comparator.comparingInt(name -> editDistance(typed, name)));
  }

  /** Edits (insert, delete, replace, swap adjacent) from {@code a} to {@code b}. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message = message + "; did you mean " + quotedChoice(unmatched.getSuggestions()) + "?";
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

  /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
  static String quotedChoice(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " or " : ", ");
      }
      text.append('\'').append(names.get(i)).append('\'');
    }
    return text.toString();
  }
}
