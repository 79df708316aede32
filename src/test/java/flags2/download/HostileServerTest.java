package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.report.Printable;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server is untrusted: what it sends never drives the user's terminal, and a bad body never
 * replaces a good image.
 */
class HostileServerTest {
  private static final String REASON = "\u001b[2J\u0007Fake\rBR OK" + "A".repeat(10_000);

  @TempDir Path dest;

  private static RawServer answering(String statusLine) throws IOException {
    return new RawServer(
        out ->
            out.write(
                (statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
  }

  private Flags2Runner.Run run(RawServer raw, StrategyKind strategy, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("-s", raw.url(), "-d", dest.toString(), "-t", strategy.cliName(), "-v"));
    args.addAll(List.of(more));
    return new Flags2Runner().run(args);
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aReasonPhraseWithControlBytesIsPrintedEscapedAndCut(StrategyKind strategy)
      throws IOException {
    try (RawServer raw = answering("HTTP/1.1 418 " + REASON)) {
      Flags2Runner.Run run = run(raw, strategy, "tp");

      assertEquals(1, run.status(), run.out());
      String everything = run.out() + run.err();
      for (char control : new char[] {'\u001b', '\u0007', '\r'}) {
        assertFalse(everything.indexOf(control) >= 0, "raw control character " + (int) control);
      }
      String line =
          run.outLines().stream().filter(l -> l.startsWith("*** Error for TP: ")).findFirst().get();
      assertEquals("*** Error for TP: " + Printable.of("HTTP error 418 - " + REASON.strip()), line);
      assertTrue(line.contains("\\x1b[2J\\x07Fake\\x0dBR OK"), line);
      assertTrue(line.length() <= "*** Error for TP: ".length() + 120, line.length() + " long");
      assertFalse(run.outLines().contains("BR OK"), "no fake report line");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void jsonKeepsTheExactTextEscapedAsJson(StrategyKind strategy) throws IOException {
    try (RawServer raw = answering("HTTP/1.1 418 " + REASON)) {
      Flags2Runner.Run run = run(raw, strategy, "--json", "tp");

      String error =
          new ObjectMapper().readTree(run.out()).get("results").get(0).get("error").asText();
      assertEquals("HTTP error 418 - " + REASON.strip(), error);
      assertFalse(run.out().indexOf('\u001b') >= 0, "JSON escapes it: \\u001b");
      assertFalse(run.err().indexOf('\u001b') >= 0, "-v lines on stderr are escaped too");
    }
  }

  static Stream<Arguments> badBodies() {
    String html = "<html><body>Not here</body></html>";
    String gif = "GIF89a a flag";
    return Stream.of(
        Arguments.of(
            "Content-Type: image/gif\r\nContent-Length: " + html.length() + "\r\n\r\n" + html,
            "not a GIF image (got image/gif, " + html.length() + " bytes)"),
        Arguments.of(
            "Content-Type: text/html\r\nContent-Length: " + html.length() + "\r\n\r\n" + html,
            "not a GIF image (got text/html, " + html.length() + " bytes)"),
        Arguments.of(
            "Content-Type: application/octet-stream\r\nContent-Length: 4\r\n\r\nGIF8",
            "not a GIF image (got application/octet-stream, 4 bytes)"),
        Arguments.of("Connection: close\r\n\r\n" + html, "not a GIF image (got no Content-Type)"),
        Arguments.of(
            "Content-Type: image/gif\r\nContent-Length: 3\r\nContent-Length: "
                + gif.length()
                + "\r\n\r\n"
                + gif,
            "conflicting Content-Length headers: 3, " + gif.length()),
        Arguments.of(
            "Content-Type: image/gif\r\nContent-Length: 13x\r\n\r\n" + gif,
            "malformed Content-Length: 13x"),
        Arguments.of(
            "Content-Type: image/gif\r\nContent-Encoding: deflate\r\nContent-Length: "
                + gif.length()
                + "\r\n\r\n"
                + gif,
            "unrequested Content-Encoding: deflate"));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void aBadBodyNeverReplacesAGoodImage(String headersAndBody, String error) throws IOException {
    byte[] good = FlagDispatcher.image("BR");
    for (StrategyKind strategy : StrategyKind.values()) {
      Files.write(dest.resolve("br.gif"), good);
      try (RawServer raw =
          new RawServer(
              out ->
                  out.write(
                      ("HTTP/1.1 200 OK\r\n" + headersAndBody)
                          .getBytes(StandardCharsets.ISO_8859_1)))) {
        Flags2Runner.Run run = run(raw, strategy, "br");

        assertEquals(1, run.status(), strategy + ": " + run.out());
        assertTrue(
            run.outLines().contains("*** Error for BR: " + error), strategy + ": " + run.out());
        assertArrayEquals(good, Files.readAllBytes(dest.resolve("br.gif")), strategy.cliName());
        try (Stream<Path> files = Files.list(dest)) {
          assertEquals(1, files.count(), "no temporary file left");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aGifWithHarmlessFramingQuirksIsSaved(StrategyKind strategy) throws IOException {
    byte[] gif = FlagDispatcher.image("BR");
    String length = "Content-Length: " + gif.length + "\r\n";
    try (RawServer raw =
        new RawServer(
            out -> {
              out.write(
                  RawServer.ascii(
                      "HTTP/1.1 200 OK\r\nContent-Encoding:\r\nContent-Encoding: identity\r\n"
                          + length
                          + length
                          + "\r\n"));
              out.write(gif);
            })) {
      Flags2Runner.Run run = run(raw, strategy, "br");

      assertEquals(0, run.status(), strategy + ": " + run.out());
      assertArrayEquals(gif, Files.readAllBytes(dest.resolve("br.gif")));
    }
  }

  static Stream<Arguments> malformedResponses() {
    return Stream.of(
        Arguments.of(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2147483648",
            "HTTP error 503 - Service Unavailable"),
        Arguments.of(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999999999999999",
            "HTTP error 503 - Service Unavailable"),
        Arguments.of("HTTP/1.1 -10 X", "malformed status line"),
        Arguments.of("HTTP/1.1 000 X", "malformed status line: 0 X"));
  }

  @ParameterizedTest
  @MethodSource("malformedResponses")
  void aMalformedResponseIsAPlainOneLineErrorWithNoStackTrace(String statusAndHeaders, String error)
      throws IOException {
    // OkHttp's async calls print what escapes them to the JVM's own stderr, not the run's
    PrintStream jvmErr = System.err;
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    System.setErr(new PrintStream(escaped, true, StandardCharsets.UTF_8));
    try {
      for (StrategyKind strategy : StrategyKind.values()) {
        try (RawServer raw = answering(statusAndHeaders)) {
          Flags2Runner.Run run = run(raw, strategy, "br");

          assertEquals(1, run.status(), strategy + ": " + run.out() + run.err());
          assertTrue(
              run.outLines().contains("*** Error for BR: " + error), strategy + ": " + run.out());
          assertEquals("", run.err(), strategy + ": nothing on stderr");
        }
      }
    } finally {
      System.setErr(jvmErr);
    }
    assertEquals("", escaped.toString(StandardCharsets.UTF_8), "no stack trace");
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aConnectionSwitchedToAnotherProtocolIsNeverUsedForTheNextCode(StrategyKind strategy)
      throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger connections = new AtomicInteger();
    try (RawServer raw =
        new RawServer(
            out -> {
              if (connections.getAndIncrement() == 0) { // and then silence on this connection
                out.write(
                    RawServer.ascii(
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection:"
                            + " Upgrade\r\n\r\n"));
                out.flush();
                try {
                  done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              } else {
                byte[] gif = FlagDispatcher.image("CN");
                out.write(
                    RawServer.ascii(
                        "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: "
                            + gif.length
                            + "\r\n\r\n"));
                out.write(gif);
              }
            })) {
      Flags2Runner.Run run = run(raw, strategy, "-m", "1", "--timeout", "20", "br", "cn");
      done.countDown();

      // one at a time, but only sequential promises BR first: the virtual threads race for the
      // one permit
      List<String> lines = run.outLines();
      String switched = "HTTP error 101 - Switching Protocols";
      boolean brFirst = lines.contains("*** Error for BR: " + switched) && lines.contains("CN OK");
      boolean cnFirst = lines.contains("*** Error for CN: " + switched) && lines.contains("BR OK");
      assertTrue(brFirst || cnFirst, run.out());
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void bytesPastAContentLengthNeverBecomeTheNextCodesResponse(StrategyKind strategy)
      throws Exception {
    byte[] gif = FlagDispatcher.image("BR");
    byte[] head =
        RawServer.ascii(
            "HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: "
                + gif.length
                + "\r\n\r\n");
    try (RawServer raw =
        RawServer.keepAlive(
            (n, out) -> {
              ByteArrayOutputStream response = new ByteArrayOutputStream();
              response.write(head);
              response.write(gif);
              if (n == 0) { // more than the Content-Length said, on a connection kept open
                response.write(RawServer.ascii("garbage after the body\r\n\r\n"));
              }
              out.write(response.toByteArray()); // in one write, as a server sends a response
            })) {
      Flags2Runner.Run run = run(raw, strategy, "-m", "1", "--timeout", "5", "br", "cn", "us");

      assertEquals(0, run.status(), strategy + ": " + run.out() + run.err());
      assertEquals(
          List.of("BR OK", "CN OK", "US OK"),
          run.outLines().stream().filter(line -> line.matches("[A-Z]{2} OK")).sorted().toList(),
          strategy + ": " + run.out());
      assertArrayEquals(
          gif, Files.readAllBytes(dest.resolve("br.gif")), "the body, not the excess");
    }
  }
}
