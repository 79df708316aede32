package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import flags2.download.Interrupt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The help's own sections: every example parses as written, and every line fits a man page. */
class ManualTest {

  private static List<HelpSection> sections(String command) {
    return switch (command) {
      case "flags2" -> Manual.download();
      case "serve" -> Manual.serve();
      case "bench" -> Manual.bench();
      default -> throw new IllegalArgumentException(command);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"flags2", "serve", "bench"})
  void everyExampleIsACommandLineThatParses(String command) {
    List<String> examples = new ArrayList<>();
    for (HelpSection section : sections(command)) {
      if (section.heading().equals("Examples")) {
        examples.addAll(section.lines());
      }
    }
    assertTrue(!examples.isEmpty(), command + " has no examples");
    for (String example : examples) {
      // the command line: before a pipe, and before the comment (two spaces or more)
      String line = example.split("\\|")[0].split(" {2,}")[0].strip();
      String[] words = line.split(" +");
      assertTrue(words[0].equals("flags2"), example);
      CommandLine cli = Cli.commandLine(Env.system(Interrupt.none()));
      try {
        cli.parseArgs(List.of(words).subList(1, words.length).toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        fail("'" + line + "': " + e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"flags2", "serve", "bench"})
  void everyLineFitsEightyColumnsInAManPage(String command) {
    for (HelpSection section : sections(command)) {
      for (String line : section.lines()) {
        assertTrue(
            line.length() <= HelpSection.MAX_WIDTH,
            Map.of(line.length(), line) + " is wider than " + HelpSection.MAX_WIDTH);
      }
    }
  }
}
