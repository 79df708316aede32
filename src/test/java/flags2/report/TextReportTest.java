package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags2.common.Codes;
import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The report texts, exactly as the README gives them (What a run prints). */
class TextReportTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private static final Site.Target DELAY =
      new Site.Target(Site.DELAY, HttpUrl.get("http://localhost:18002/flags"));

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Result result(String code, Status status) {
    return switch (status) {
      case OK -> Result.ok(code, 200, 10, 1);
      case NOT_FOUND -> Result.notFound(code, 1);
      case ERROR -> Result.error(code, 418, 1, "HTTP error 418 - I'm a Teapot");
    };
  }

  @Test
  void theBooksReportForManyCodes() {
    List<String> codes = Codes.expand(List.of("a", "b", "c"), false, false, Integer.MAX_VALUE);
    TextReport reporter = new TextReport(out, false);
    reporter.initial(DELAY, codes, 30);
    for (int i = 0; i < codes.size(); i++) {
      reporter.accept(result(codes.get(i), i < 43 ? Status.OK : Status.NOT_FOUND));
    }
    reporter.finish(Duration.ofMillis(1720), 0, ExitStatus.OK);
    assertEquals(
        """
        DELAY site: http://localhost:18002/flags
        Searching for 78 flags: from AA to CZ
        30 concurrent connections will be used.
        --------------------
        43 flags downloaded.
        35 not found.
        Elapsed time: 1.72s
        """,
        printed());
  }

  @Test
  void tenCodesOrFewerAreListedAndSingularsAreSingular() {
    TextReport reporter = new TextReport(out, false);
    reporter.initial(
        new Site.Target(Site.URL, HttpUrl.get("http://example.com/flags")), List.of("BR"), 1);
    reporter.accept(result("BR", Status.OK));
    reporter.finish(Duration.ofMillis(5), 0, ExitStatus.OK);
    assertEquals(
        """
        URL site: http://example.com/flags
        Searching for 1 flag: BR
        1 concurrent connection will be used.
        --------------------
        1 flag downloaded.
        Elapsed time: 0.01s
        """,
        printed());
  }

  @Test
  void verboseLinesAndErrorCounts() {
    TextReport reporter = new TextReport(out, true);
    reporter.initial(DELAY, List.of("BR", "CN", "US", "XX"), 4);
    reporter.accept(result("BR", Status.OK));
    reporter.accept(result("XX", Status.NOT_FOUND));
    reporter.accept(result("CN", Status.ERROR));
    reporter.accept(result("US", Status.ERROR));
    reporter.finish(Duration.ofSeconds(2), 0, ExitStatus.ERRORS);
    assertEquals(
        """
        DELAY site: http://localhost:18002/flags
        Searching for 4 flags: BR, CN, US, XX
        4 concurrent connections will be used.
        BR OK
        XX not found
        *** Error for CN: HTTP error 418 - I'm a Teapot
        *** Error for US: HTTP error 418 - I'm a Teapot
        --------------------
        1 flag downloaded.
        1 not found.
        2 errors.
        Elapsed time: 2.00s
        """,
        printed());
  }

  @Test
  void noFlagsDownloadedStillSaysSoAndOneErrorIsSingular() {
    TextReport reporter = new TextReport(out, false);
    reporter.initial(DELAY, List.of("BR"), 1);
    reporter.accept(result("BR", Status.ERROR));
    reporter.finish(Duration.ZERO, 0, ExitStatus.ERRORS);
    assertEquals(
        List.of("--------------------", "0 flags downloaded.", "1 error.", "Elapsed time: 0.00s"),
        printed().lines().skip(3).toList());
  }
}
