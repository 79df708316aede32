package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.Flags2Runner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Words around subcommands that used to start the servers or read as country codes: {@code help},
 * codes or options before a subcommand, an unknown option of a subcommand. Each test has a timeout:
 * a servers started by mistake would run until interrupted.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SubcommandTest {

  @Test
  void helpAloneShowsTheMainHelp() {
    Flags2Runner.Run help = new Flags2Runner().run("help");
    Flags2Runner.Run dashDash = new Flags2Runner().run("--help");
    assertEquals(0, help.status(), help.err());
    assertEquals(dashDash.out(), help.out());
    assertEquals("", help.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "bench", "generate-completion"})
  void helpCommandShowsThatCommandsHelpAndRunsNothing(String command) {
    Flags2Runner.Run help = new Flags2Runner().run("help", command);
    Flags2Runner.Run dashDash = new Flags2Runner().run(command, "--help");
    assertEquals(0, help.status(), help.err());
    assertEquals(dashDash.out(), help.out());
    assertTrue(help.out().contains("Usage: flags2 " + command), help.out());
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageError() {
    Flags2Runner.Run run = new Flags2Runner().run("help", "sevre");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(
        run.err().startsWith("*** Usage error: unknown command 'sevre'; did you mean 'serve'?"),
        run.err());
    assertEquals(2, run.err().lines().count(), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"xx serve", "-v serve", "br us bench --runs 1", "-a generate-completion"})
  void codesOrOptionsBeforeASubcommandAreAUsageError(String line) {
    List<String> args = List.of(line.split(" "));
    String command = args.stream().filter(a -> a.matches("[a-z-]{5,}")).findFirst().orElseThrow();
    String before = line.substring(0, line.indexOf(command)).strip();

    Flags2Runner.Run run = new Flags2Runner().run(args);

    assertEquals(2, run.status(), run.err());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals(2, lines.size(), run.err());
    assertEquals(
        "*** Usage error: '"
            + before
            + "' before '"
            + command
            + "' is not allowed: the command comes first.",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("Usage: flags2 " + command), lines.get(1));
    assertTrue(lines.get(1).endsWith("(try 'flags2 " + command + " --help')"), lines.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sevre --ports 0,0,0", "bnech --runs 1", "sevre -x"})
  void aMistypedCommandIsNamedEvenWhenItsOptionsFollow(String line) {
    Flags2Runner.Run run = new Flags2Runner().run(List.of(line.split(" ")));
    assertEquals(2, run.status());
    String command = line.startsWith("s") ? "serve" : "bench";
    assertEquals(
        "*** Usage error: unknown command '"
            + line.split(" ")[0]
            + "'; did you mean '"
            + command
            + "'?",
        run.err().lines().findFirst().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--prots", "--prots=1", "--port", "--bnid"})
  void aMistypedOptionGetsTheClosestName(String option) {
    Flags2Runner.Run run = new Flags2Runner().run("serve", option, "0,0,0");
    String first = run.err().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("*** Usage error: Unknown option"), first);
    assertTrue(
        first.endsWith(
            option.startsWith("--b") ? "did you mean '--bind'?" : "did you mean '--ports'?"),
        first);
  }

  /** Each swap of two letters is one edit: two swaps in a four-letter name (bind) are too many. */
  @Test
  void anOptionTwoSwapsAwayFromAnyNameGetsNoSuggestion() {
    Flags2Runner.Run run = new Flags2Runner().run("serve", "--ibdn", "0,0,0");
    assertEquals(2, run.status());
    String first = run.err().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("*** Usage error: Unknown option"), first);
    assertFalse(first.contains("did you mean"), first);
  }

  @Test
  void anUnknownOptionOfASubcommandGetsPicocliSuggestions() {
    Flags2Runner.Run run = new Flags2Runner().run("serve", "--port", "0,0,0");
    assertEquals(2, run.status());
    String first = run.err().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("*** Usage error: Unknown option"), first);
    assertTrue(first.endsWith("; did you mean '--ports'?"), first);
  }
}
