package flags2.cli;

import flags2.report.ExitStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code flags2 generate-completion}: prints the bash/zsh completion script. What picocli's
 * annotated {@code AutoComplete.GenerateCompletion} does, without its annotations.
 */
final class CompletionCommand implements Callable<Integer> {
  private final CommandSpec spec;

  CompletionCommand() {
    Declaration command =
        Declaration.command(
            this,
            "generate-completion",
            "flags2 generate-completion",
            "Prints the bash/zsh completion script for flags2.",
            "Run 'source <(flags2 generate-completion)' to give flags2 TAB completion in the"
                + " current shell.");
    spec = command.withHelpOptions(List.of());
    spec.helpCommand(true);
  }

  CommandSpec spec() {
    return spec;
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
