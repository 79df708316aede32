package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.Flags2Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void bashAcceptsTheScriptAndCompletesStrategyNames() throws Exception {
    Path script = tmp.resolve("flags2-completion.bash");
    Files.writeString(script, new Flags2Runner().run("generate-completion").out());
    String probe =
        "source \"$1\"; COMP_WORDS=(flags2 --strategy v); COMP_CWORD=2; COMP_LINE='flags2 --strategy v'; COMP_POINT=${#COMP_LINE};"
            + " _complete_flags2; echo \"${COMPREPLY[@]}\"";
    // stderr is dropped: outside an interactive completion bash's compopt complains, harmlessly
    Process bash =
        new ProcessBuilder("bash", "-c", probe, "bash", script.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
    String output = new String(bash.getInputStream().readAllBytes()).strip();
    assertEquals(0, bash.exitValue(), output);
    assertEquals("virtual", output);
  }
}
