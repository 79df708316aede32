package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.Flags2Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code flags2 generate-completion}: a bash/zsh script that knows the options and strategies. */
class CompletionTest {
  @TempDir Path tmp;

  @Test
  void printsACompletionScriptNamingEveryOptionAndStrategy() {
    Flags2Runner.Run run = new Flags2Runner().run("generate-completion");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("complete -F _complete_flags2"), "not a bash completion script");
    for (String word :
        new String[] {
          "--max-req",
          "--strategy",
          "--json",
          "--no-embedded",
          "serve",
          "--error-rate",
          "threadpool",
          "virtual"
        }) {
      assertTrue(run.out().contains(word), word + " missing");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "flags2 --strategy v | virtual",
        "flags2 -t s | sequential",
        "flags2 -s D | DELAY",
        "flags2 --server '' | LOCAL DELAY ERROR REMOTE",
        "flags2 bench -t s | sequential",
        "flags2 bench --strategies a | async",
        "flags2 bench -s E | ERROR",
        "flags2 help s | serve"
      })
  void bashAcceptsTheScriptAndCompletesWhatATypedWordCanBe(String line, String expected)
      throws Exception {
    Path script = tmp.resolve("flags2-completion.bash");
    Files.writeString(script, new Flags2Runner().run("generate-completion").out());
    String words = line.replace("''", "").strip();
    String probe =
        "source \"$1\"; COMP_WORDS=("
            + line
            + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='"
            + words
            + "'; COMP_POINT=${#COMP_LINE}; _complete_flags2; echo \"${COMPREPLY[@]}\"";
    if (line.endsWith("''")) { // an empty word being completed
      probe = probe.replace("COMP_LINE='" + words + "'", "COMP_LINE='" + words + " '");
    }
    // stderr is dropped: outside an interactive completion bash's compopt complains, harmlessly
    Process bash =
        new ProcessBuilder("bash", "-c", probe, "bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
    String output = new String(bash.getInputStream().readAllBytes()).strip();
    assertEquals(0, bash.exitValue(), output);
    assertEquals(expected, output);
  }
}
