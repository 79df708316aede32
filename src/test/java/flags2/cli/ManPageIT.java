package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.download.Interrupt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages the build writes: one per command, each naming every option it shows in help. */
class ManPageIT {
  private static final Path MAN = Path.of(System.getProperty("flags2.man", "target/man"));

  @ParameterizedTest
  @ValueSource(strings = {"", "serve", "bench", "generate-completion"})
  void eachCommandHasATroffPageNamingEveryOption(String subcommand) throws IOException {
    CommandLine root = Cli.commandLine(Env.system(Interrupt.none()));
    CommandLine command = subcommand.isEmpty() ? root : root.getSubcommands().get(subcommand);
    String name = command.getCommandSpec().qualifiedName("-");
    Path page = MAN.resolve(name + ".1");

    assertTrue(Files.isRegularFile(page), "no man page at " + page);
    // troff as text: no font switches, plain hyphens and apostrophes
    String text =
        Files.readString(page)
            .replaceAll("\\\\f[BIRP]", "")
            .replace("\\-", "-")
            .replace("\\*(Aq", "'");
    assertTrue(
        text.contains(".TH \"" + name.toUpperCase(java.util.Locale.ROOT) + "\" \"1\""),
        "not a section-1 page: " + page);
    List<String> names = // a hidden option (serve --exit-with-parent, for bench) is in no help
        command.getCommandSpec().options().stream()
            .filter(option -> !option.hidden())
            .map(OptionSpec::longestName)
            .toList();
    for (String option : names) {
      assertTrue(text.contains(option), option + " missing from " + page);
    }
    for (String header : command.getCommandSpec().usageMessage().header()) {
      assertTrue(text.contains(name + " - " + header), "NAME line missing from " + page);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "serve", "bench"})
  void eachPageHasTheSectionsOfItsHelpAndNoStrayColon(String subcommand) throws IOException {
    CommandLine root = Cli.commandLine(Env.system(Interrupt.none()));
    CommandLine command = subcommand.isEmpty() ? root : root.getSubcommands().get(subcommand);
    String name = command.getCommandSpec().qualifiedName("-");
    String troff = Files.readString(MAN.resolve(name + ".1"));
    List<String> headings =
        troff.lines().filter(l -> l.startsWith(".SH ")).map(l -> l.substring(4)).toList();
    assertTrue(headings.contains("\"EXAMPLES\""), name + ": " + headings);
    assertTrue(headings.contains("\"SEE ALSO\""), name + ": " + headings);
    assertTrue(headings.stream().noneMatch(h -> h.contains(":")), name + ": " + headings);
    if (subcommand.isEmpty()) {
      assertTrue(headings.contains("\"EXIT STATUS\""), headings.toString());
      assertTrue(headings.contains("\"FILES\""), headings.toString());
      assertTrue(headings.contains("\"JSON OUTPUT\""), headings.toString());
      assertTrue(troff.contains("schema_version"), "the JSON fields are on the page");
    }
    String help = command.getUsageMessage();
    String firstExample =
        help.substring(help.indexOf("Examples:")).lines().skip(1).findFirst().get();
    assertTrue(
        troff.contains(firstExample.strip().split("  ")[0].replace("-", "\\-")),
        firstExample + " is not on " + name + ".1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"130", "destination unusable"})
  void theMainPageListsTheExitStatuses(String text) throws IOException {
    assertTrue(Files.readString(MAN.resolve("flags2.1")).contains(text));
  }
}
