package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.RawServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What real servers do wrong, for every strategy: each fault is one ERROR with a one-line message,
 * no image is written, a good image already there is kept, and no temporary file is left.
 */
class FaultsTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @StartStop private final MockWebServer otherHost = MockServers.noDelay();
  @TempDir Path dest;

  private Flags2Runner.Run run(String url, StrategyKind strategy, String... args) {
    Stream<String> common =
        Stream.of("-s", url, "-d", dest.toString(), "-t", strategy.cliName(), "-v");
    return new Flags2Runner().run(Stream.concat(common, Stream.of(args)).toList());
  }

  private Flags2Runner.Run run(StrategyKind strategy, String... args) {
    return run(server.url("/flags").toString(), strategy, args);
  }

  private Set<String> filesInDest() throws IOException {
    try (Stream<Path> files = Files.list(dest)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  /** BR fails as given; the run reports exactly that one error and keeps the old BR image. */
  private void assertOneError(Flags2Runner.Run run, String message) throws IOException {
    assertEquals(1, run.status(), run.out() + run.err());
    assertTrue(run.outLines().contains("*** Error for BR: " + message), run.out());
    assertTrue(run.outLines().contains("1 error."), run.out());
    assertEquals("", run.err());
    assertEquals(Set.of("br.gif"), filesInDest(), "only the image that was there before");
    assertArrayEquals(FlagDispatcher.image("old"), Files.readAllBytes(dest.resolve("br.gif")));
  }

  private void keepAnOldImage() throws IOException {
    Files.write(dest.resolve("br.gif"), FlagDispatcher.image("old"));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void statusCodesOtherThan200And404AreErrors(StrategyKind strategy) throws IOException {
    server.setDispatcher(
        new FlagDispatcher()
            .status("TP", 418)
            .status("TM", 429)
            .status("SE", 500)
            .status("SU", 503)
            .serve("BR"));
    Flags2Runner.Run run = run(strategy, "tp", "tm", "se", "su", "br");
    assertEquals(1, run.status());
    for (String line :
        List.of(
            "*** Error for TP: HTTP error 418 - Client Error",
            "*** Error for TM: HTTP error 429 - Client Error",
            "*** Error for SE: HTTP error 500 - Server Error",
            "*** Error for SU: HTTP error 503 - Server Error",
            "4 errors.")) {
      assertTrue(run.outLines().contains(line), line + " missing from\n" + run.out());
    }
    assertEquals(Set.of("br.gif"), filesInDest());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aConnectionResetMidBodyIsAnError(StrategyKind strategy) throws IOException {
    keepAnOldImage();
    server.setDispatcher(new FlagDispatcher().respond("BR", FlagDispatcher::cutOffMidBody));
    Flags2Runner.Run run = run(strategy, "br");
    assertEquals(1, run.status(), run.out());
    assertTrue(
        run.outLines().stream().anyMatch(l -> l.startsWith("*** Error for BR: ")), run.out());
    assertEquals(Set.of("br.gif"), filesInDest());
    assertArrayEquals(FlagDispatcher.image("old"), Files.readAllBytes(dest.resolve("br.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aBodyShorterThanItsContentLengthIsAnError(StrategyKind strategy) throws IOException {
    keepAnOldImage();
    try (RawServer raw =
        new RawServer(
            out ->
                out.write(
                    RawServer.ascii(
                        "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: 1000\r\n\r\nGIF89a short")))) {
      assertOneError(run(raw.url(), strategy, "br"), "unexpected end of stream");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anEndlessBodyStopsAtMaxSize(StrategyKind strategy) throws IOException {
    keepAnOldImage();
    byte[] first = RawServer.ascii("4000\r\nGIF89a" + "G".repeat(0x4000 - 6) + "\r\n");
    byte[] chunk = RawServer.ascii("4000\r\n" + "G".repeat(0x4000) + "\r\n");
    try (RawServer raw =
        new RawServer(
            out -> {
              out.write(
                  RawServer.ascii(
                      "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nTransfer-Encoding: chunked\r\n\r\n"));
              out.write(first);
              while (true) { // until the client hangs up
                out.write(chunk);
              }
            })) {
      assertOneError(
          run(raw.url(), strategy, "--max-size", "100000", "br"),
          "Image larger than --max-size (100000 bytes)");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anAnnouncedEnormousBodyIsRefusedBeforeReading(StrategyKind strategy) throws IOException {
    keepAnOldImage();
    try (RawServer raw =
        new RawServer(
            out ->
                out.write(
                    RawServer.ascii(
                        "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: 9000000000\r\n\r\nGIF89a")))) {
      assertOneError(
          run(raw.url(), strategy, "br"), "Image larger than --max-size (5242880 bytes)");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void noResponseAtAllEndsAtTheTimeout(StrategyKind strategy) throws IOException {
    keepAnOldImage();
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "BR",
                () ->
                    new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build()));
    assertOneError(run(strategy, "--timeout", "0.1", "br"), "Timeout after 0.1s");
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aTrickleThatNeverTripsTheReadTimeoutEndsAtTheDeadline(StrategyKind strategy)
      throws IOException {
    keepAnOldImage();
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "BR",
                () ->
                    new MockResponse.Builder()
                        .addHeader("Content-Type", "image/gif")
                        .body(new Buffer().writeUtf8("GIF89a").write(new byte[200]))
                        .throttleBody(
                            1, 20, TimeUnit.MILLISECONDS) // 4 s in all, a byte every 20 ms
                        .build()));
    assertOneError(run(strategy, "--timeout", "0.3", "br"), "Timeout after 0.3s");
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anEmptyBodyOrANonImageIsAnError(StrategyKind strategy) throws IOException {
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "EB",
                () -> new MockResponse.Builder().addHeader("Content-Type", "image/gif").build())
            .respond(
                "HT",
                () ->
                    new MockResponse.Builder()
                        .addHeader("Content-Type", "text/html")
                        .body("<html>oops</html>")
                        .build()));
    Flags2Runner.Run run = run(strategy, "eb", "ht");
    assertTrue(run.outLines().contains("*** Error for EB: Empty response body"), run.out());
    assertTrue(
        run.outLines().contains("*** Error for HT: not a GIF image (got text/html, 17 bytes)"),
        run.out());
    assertEquals(Set.of(), filesInDest());
  }

  private static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void redirectsToTheSameOrAnotherHostAreFollowed(StrategyKind strategy) throws IOException {
    otherHost.setDispatcher(new FlagDispatcher().serve("CN"));
    server.setDispatcher(
        new FlagDispatcher()
            .serve("BR")
            .respond("US", () -> redirect("/flags/br/br.gif"))
            .respond("CN", () -> redirect(otherHost.url("/flags/cn/cn.gif").toString())));
    Flags2Runner.Run run = run(strategy, "us", "cn");
    assertEquals(0, run.status(), run.out());
    assertArrayEquals(FlagDispatcher.image("BR"), Files.readAllBytes(dest.resolve("us.gif")));
    assertArrayEquals(FlagDispatcher.image("CN"), Files.readAllBytes(dest.resolve("cn.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void fiveRedirectsAreFollowedButASixthOrALoopIsAnError(StrategyKind strategy) throws IOException {
    FlagDispatcher dispatcher = new FlagDispatcher().serve("ZZ");
    // five hops: FA -> FB -> FC -> FD -> FE -> ZZ; six hops: SA -> FA -> ... -> ZZ
    String[] chain = {"SA", "FA", "FB", "FC", "FD", "FE", "ZZ"};
    for (int i = 0; i < chain.length - 1; i++) {
      String next = chain[i + 1].toLowerCase();
      dispatcher.respond(chain[i], () -> redirect("/flags/" + next + "/" + next + ".gif"));
    }
    dispatcher.respond("LO", () -> redirect("/flags/lo/lo.gif"));
    server.setDispatcher(dispatcher);

    Flags2Runner.Run run = run(strategy, "fa", "sa", "lo");

    assertTrue(run.outLines().contains("FA OK"), run.out());
    assertTrue(
        run.outLines().contains("*** Error for SA: Too many redirects (more than 5)"), run.out());
    assertTrue(
        run.outLines().contains("*** Error for LO: Too many redirects (more than 5)"), run.out());
    assertEquals(Set.of("fa.gif"), filesInDest());
  }
}
