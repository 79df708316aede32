package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.Streams;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CI recipe, copied from the README and run as written with {@code bash -e} from the
 * project root, while the standard ports 8001-8003 are taken (by this test, unless something else
 * has them already): it passes, and it ends within its bound when the server cannot start.
 */
class CiRecipeIT {
  private static final String MARKER = "<!-- ci-recipe:";
  private final List<ServerSocket> taken = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void takeTheStandardPorts() {
    for (int port = 8001; port <= 8003; port++) {
      try {
        taken.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
      } catch (IOException alreadyTaken) {
        // taken already: just as good
      }
    }
  }

  @AfterEach
  void freeThem() throws IOException {
    for (ServerSocket socket : taken) {
      socket.close();
    }
  }

  /** The first sh block after the marker comment in README.md. */
  static String recipe() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int marker = readme.indexOf(MARKER);
    assertTrue(marker >= 0, "README has no " + MARKER + " marker");
    int start = readme.indexOf("```sh\n", marker) + "```sh\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  private record Ran(int status, String out, String err) {}

  private Ran runUnderBashE(String script) throws Exception {
    Path file = tmp.resolve("recipe.sh");
    Files.writeString(file, script);
    Process bash = new ProcessBuilder("bash", "-e", file.toString()).start();
    CompletableFuture<String> out = Streams.readAll(bash.getInputStream());
    CompletableFuture<String> err = Streams.readAll(bash.getErrorStream());
    boolean ended = bash.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      bash.descendants().forEach(ProcessHandle::destroyForcibly);
      bash.destroyForcibly();
    }
    assertTrue(ended, "the recipe did not end within 90 s:\n" + script);
    return new Ran(bash.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  @Test
  void theRecipePassesWithTheStandardPortsTaken() throws Exception {
    Ran ran = runUnderBashE(recipe());
    assertEquals(0, ran.status(), ran.out() + ran.err());
  }

  @Test
  void withATakenFixedPortTheRecipeFailsAtOnceWithTheServersReason() throws Exception {
    String fixed = recipe().replace("--ports 0,0,0", "--ports 8001,8002,8003");
    assertTrue(fixed.contains("--ports 8001,8002,8003"), "the recipe's --ports changed");
    long start = System.nanoTime();

    Ran ran = runUnderBashE(fixed);

    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertEquals(1, ran.status(), ran.out() + ran.err());
    assertTrue(ran.err().contains("*** Error: cannot listen on 127.0.0.1:800"), ran.err());
    assertTrue(seconds < 30, "gave up only after " + seconds + " s, the bound of its wait");
  }
}
