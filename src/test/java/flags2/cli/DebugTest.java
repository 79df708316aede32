package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --debug}: a line per request on the run's own stderr, in the README's format; a run
 * without it logs nothing, even after one with it in the same JVM (the debug settings end with
 * their run).
 */
class DebugTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  private Flags2Runner.Run run(String... more) {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    return new Flags2Runner()
        .run(Flags2Runner.download(server.url("/flags"), dest, StrategyKind.ASYNC, more));
  }

  @Test
  void debugWritesALinePerRequestToTheRunsStderr() {
    Flags2Runner.Run run = run("--debug", "br", "xx");

    assertEquals(0, run.status(), run.err());
    List<String> requests =
        run.err().lines().filter(l -> l.startsWith("DEBUG RequestLog - ")).sorted().toList();
    String base = server.url("/flags").toString();
    assertEquals(2, requests.size(), run.err());
    assertTrue(
        requests
            .get(0)
            .matches(
                "DEBUG RequestLog - GET \\Q"
                    + base
                    + "/br/br.gif\\E -> 200, \\d+ bytes, \\d+ ms, attempt 1"),
        requests.get(0));
    assertTrue(
        requests.get(1).matches("DEBUG RequestLog - GET \\Q" + base + "/xx/xx.gif\\E -> 404, .*"),
        requests.get(1));
    assertTrue(
        run.err().contains("DEBUG DownloadRun - async strategy, 2 codes, concurrency 2"),
        run.err());
    assertTrue(
        run.err().lines().allMatch(l -> l.matches("(DEBUG|INFO|WARN|ERROR) \\S+ - .*")),
        "every line in one format:\n" + run.err());
  }

  @Test
  void aRunWithoutDebugLogsNothingEvenAfterOneWithIt() {
    Logger okhttp = Logger.getLogger("okhttp3");
    Logger flags2 = Logger.getLogger("flags2");
    List<Object> before = List.of(String.valueOf(okhttp.getLevel()), okhttp.getHandlers().length);

    run("--debug", "br");
    List<Object> after = List.of(String.valueOf(okhttp.getLevel()), okhttp.getHandlers().length);
    Flags2Runner.Run plain = run("br", "xx");

    assertEquals(before, after, "OkHttp's logging as it was before the --debug run");
    assertEquals(0, flags2.getHandlers().length, "no handler left on flags2's loggers");
    assertEquals(0, plain.status(), plain.err());
    assertEquals("", plain.err());
  }
}
