package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags2.testing.Flags2Runner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code --help} of every command prints, and the completion script, byte for byte as a user
 * sees them in an 80-column terminal or a pipe. A change to an option's name, order, label or words
 * shows here first; when it is meant, copy what was printed (kept in {@code target/help-actual})
 * over the file under {@code src/test/resources/flags2/cli/help} and say so in the commit.
 */
class HelpTextTest {
  private static String widthBefore;

  @BeforeAll
  static void eightyColumns() {
    // picocli sizes help to the terminal when it finds one; pinned so the test runs the same in a
    // wide terminal as in CI
    widthBefore = System.setProperty("picocli.usage.width", "80");
  }

  @AfterAll
  static void restoreWidth() {
    if (widthBefore == null) {
      System.clearProperty("picocli.usage.width");
    } else {
      System.setProperty("picocli.usage.width", widthBefore);
    }
  }

  @ParameterizedTest(name = "flags2 {0}")
  @CsvSource({
    "--help, flags2.help",
    "serve --help, serve.help",
    "bench --help, bench.help",
    "generate-completion --help, generate-completion.help",
    "generate-completion, generate-completion.out"
  })
  void printsExactlyTheGoldenText(String args, String golden) throws IOException {
    Flags2Runner.Run run = new Flags2Runner().run(List.of(args.split(" ")));

    assertEquals(0, run.status(), run.err());
    if (!run.out().equals(golden(golden))) {
      // for review: diff it with the golden file, and copy it over when the change is meant
      Path actual = Path.of("target", "help-actual", golden);
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, run.out());
    }
    assertEquals(golden(golden), run.out());
    assertEquals("", run.err());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = HelpTextTest.class.getResourceAsStream("help/" + name)) {
      if (in == null) {
        throw new IOException("no golden file help/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
