package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --exit-with-parent}, which {@code flags2 bench} gives the server it starts as a
 * child process: killed with SIGKILL, the parent cannot stop it, so the server must see its parent
 * end and stop on its own, instead of holding three loopback ports until someone finds it.
 */
class ServeExitWithParentTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** bash as the parent: it starts the server, says its pid, and waits for it. */
  private static Process parentOfAServer(String... serveOptions) throws Exception {
    String command =
        "\"$0\" -Xshare:auto -cp \"$1\" flags2.Main serve --ports 0,0,0 "
            + String.join(" ", serveOptions)
            + " 2>/dev/null & echo $!; wait";
    return new ProcessBuilder("bash", "-c", command, JAVA, System.getProperty("java.class.path"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The server's process, once it has said it is ready (it then watches its parent already). */
  private static ProcessHandle readyServer(Process parent) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<ProcessHandle> server =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                long pid = Long.parseLong(lines.readLine().strip());
                for (String line; (line = lines.readLine()) != null; ) {
                  if (line.startsWith("ERROR ready: ")) {
                    return ProcessHandle.of(pid).orElseThrow();
                  }
                }
                throw new AssertionError("the server ended before it was ready");
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
    return server.get(60, TimeUnit.SECONDS);
  }

  @Test
  void aServerWhoseParentIsKilledStopsItself() throws Exception {
    Process parent = parentOfAServer("--exit-with-parent");
    ProcessHandle server = readyServer(parent);

    parent.destroyForcibly().waitFor(); // SIGKILL: the parent cannot stop its child itself

    ProcessHandle gone = server.onExit().get(30, TimeUnit.SECONDS);
    assertFalse(gone.isAlive());
  }
}
