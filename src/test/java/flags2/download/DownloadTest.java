package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.RawServer;
import flags2.testing.ReservedPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every strategy keeps, run against each: outcomes, counts, files and exit statuses
 * against scripted servers.
 */
class DownloadTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  private Flags2Runner.Run run(StrategyKind strategy, String... args) {
    Stream<String> common =
        Stream.of(
            "-s", server.url("/flags").toString(), "-d", dest.toString(), "-t", strategy.cliName());
    return new Flags2Runner().run(Stream.concat(common, Stream.of(args)).toList());
  }

  private Set<String> filesInDest() throws IOException {
    try (Stream<Path> files = Files.list(dest)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void eachCodeIsCountedOnceAsOkNotFoundOrError(StrategyKind strategy) throws IOException {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("BR", "CN")
            .respond(
                "TP",
                () -> new MockResponse.Builder().status("HTTP/1.1 418 ").body("teapot").build())
            .status("SE", 500)
            .respond(
                "DR",
                () ->
                    new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build()));

    Flags2Runner.Run run = run(strategy, "-v", "br", "cn", "xx", "tp", "se", "dr", "zz");

    assertEquals(1, run.status(), run.err());
    List<String> lines = run.outLines();
    assertTrue(lines.contains("BR OK"), run.out());
    assertTrue(lines.contains("CN OK"), run.out());
    assertTrue(lines.contains("XX not found"), run.out());
    assertTrue(lines.contains("ZZ not found"), run.out());
    assertTrue(lines.contains("*** Error for TP: HTTP error 418 - I'm a Teapot"), run.out());
    assertTrue(lines.contains("*** Error for SE: HTTP error 500 - Server Error"), run.out());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("*** Error for DR: ")), run.out());
    assertEquals(
        List.of("--------------------", "2 flags downloaded.", "2 not found.", "3 errors."),
        lines.subList(lines.size() - 5, lines.size() - 1));
    assertEquals(Set.of("br.gif", "cn.gif"), filesInDest());
    assertArrayEquals(FlagDispatcher.image("BR"), Files.readAllBytes(dest.resolve("br.gif")));
    assertArrayEquals(FlagDispatcher.image("CN"), Files.readAllBytes(dest.resolve("cn.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aCleanRunExitsZeroAndPrintsNothingOnStderr(StrategyKind strategy) {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner.Run run = run(strategy, "br", "xx");
    assertEquals(0, run.status());
    assertEquals("", run.err());
  }

  @Test
  void theWholeReportWithAFixedClock() {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));
    Flags2Runner.Run run =
        new Flags2Runner()
            .clockElapsing(1_234_000_000L)
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "-t",
                "sequential",
                "us",
                "cn",
                "br",
                "xx");
    assertEquals(
        "URL site: "
            + server.url("/flags")
            + "\n"
            + """
            Searching for 4 flags: BR, CN, US, XX
            1 concurrent connection will be used.
            --------------------
            3 flags downloaded.
            1 not found.
            Elapsed time: 1.23s
            """,
        run.out());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void savedImagesGetTheUsualPermissionsAndLeaveNoTemporaryFiles(
      StrategyKind strategy, @TempDir Path elsewhere) throws IOException {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    run(strategy, "br");
    assertEquals(Set.of("br.gif"), filesInDest());
    // what any new file gets under this process's umask (rw-r--r-- under the usual 022)
    Path usual = Files.createFile(elsewhere.resolve("usual"));
    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(usual)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("br.gif"))));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aFailedDownloadNeverReplacesAGoodImage(StrategyKind strategy) throws IOException {
    Files.write(dest.resolve("br.gif"), FlagDispatcher.image("BR"));
    server.setDispatcher(new FlagDispatcher().status("BR", 500));
    assertEquals(1, run(strategy, "br").status());
    assertArrayEquals(FlagDispatcher.image("BR"), Files.readAllBytes(dest.resolve("br.gif")));
    assertEquals(Set.of("br.gif"), filesInDest());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aClosedPortIsAnErrorPerCode(StrategyKind strategy) throws IOException {
    Flags2Runner.Run run;
    try (ReservedPort closed = ReservedPort.open()) {
      run =
          new Flags2Runner()
              .run(
                  "-s",
                  closed.url("/flags"),
                  "-d",
                  dest.toString(),
                  "-t",
                  strategy.cliName(),
                  "-v",
                  "br",
                  "cn");
    }
    assertEquals(1, run.status());
    assertTrue(run.outLines().contains("*** Error for BR: Connection refused"), run.out());
    assertTrue(run.outLines().contains("2 errors."), run.out());
    assertEquals(Set.of(), filesInDest());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aTimeoutIsAnErrorNamingTheTimeout(StrategyKind strategy) {
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "BR",
                () ->
                    new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build()));
    Flags2Runner.Run run = run(strategy, "-v", "--timeout", "0.1", "br");
    assertEquals(1, run.status());
    assertTrue(run.outLines().contains("*** Error for BR: Timeout after 0.1s"), run.out());
  }

  @Test
  void aDestinationThatIsAFileExitsThreeBeforeAnyRequest() throws IOException {
    Path file = Files.writeString(dest.resolve("plain-file"), "x");
    Flags2Runner.Run run =
        new Flags2Runner().run("-s", server.url("/flags").toString(), "-d", file.toString(), "br");
    assertEquals(3, run.status());
    assertEquals("*** Destination error: '" + file + "' is not a directory.\n", run.err());
    assertEquals("", run.out());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMissingDestinationIsCreated() {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Path nested = dest.resolve("a/b");
    Flags2Runner.Run run =
        new Flags2Runner()
            .run("-s", server.url("/flags").toString(), "-d", nested.toString(), "br");
    assertEquals(0, run.status(), run.err());
    assertTrue(Files.isRegularFile(nested.resolve("br.gif")));
    assertFalse(run.out().contains("error"));
  }

  /**
   * A run closes its connections when it returns: {@code flags2 bench} runs one after another in
   * one process, and each would otherwise leave its idle connections open to the server.
   */
  @Test
  void theRunsConnectionsAreClosedWhenItReturns() throws Exception {
    try (RawServer raw =
        RawServer.keepAlive(
            (n, out) ->
                out.write(
                    RawServer.ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")))) {
      Flags2Runner.Run run =
          new Flags2Runner()
              .run("-s", raw.url(), "-d", dest.toString(), "-t", "sequential", "br", "cn");
      assertEquals(0, run.status(), run.err());
      assertEquals(2, raw.requests(), "both requests over the one connection");
      assertTrue(raw.awaitClosedByClient(Duration.ofSeconds(5)), "the connection was left open");
    }
  }
}
