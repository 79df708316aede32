package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.report.Printable;
import flags2.strategy.StrategyKind;
import flags2.testing.Flags2Runner;
import flags2.testing.RawServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A server is untrusted: what it sends never drives the user's terminal. */
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
}
