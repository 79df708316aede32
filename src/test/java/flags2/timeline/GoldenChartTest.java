package flags2.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart and the trace of two made-up runs, byte for byte: every bar's place, size, colour and
 * label, the axes, the in-flight line and the trace's fields, as a user opening the file sees them.
 * A change shows here first; when it is meant, copy what was written (kept in {@code
 * target/timeline-actual}) over the golden file, as for the help texts.
 */
class GoldenChartTest {
  private static final long ORIGIN = 5_000_000_000L;

  private static Request request(
      String code,
      Fetch fetch,
      int attempt,
      double startSeconds,
      double endSeconds,
      Outcome outcome,
      int status,
      long bytes) {
    return new Request(
        code,
        fetch,
        attempt,
        ORIGIN + Math.round(startSeconds * 1e9),
        ORIGIN + Math.round(endSeconds * 1e9),
        outcome,
        status,
        bytes);
  }

  /**
   * Three lanes, codes wide enough to carry their names, every outcome, a metadata request, a retry
   * and a request with no response, cut short by Ctrl-C with two codes not attempted.
   */
  private static Timeline fewLanes() {
    Timeline.Run run =
        new Timeline.Run(
            "threadpool", 3, "LOCAL http://localhost:8001/flags", 7, 2, 1, 2, 1_234_000_000, true);
    return Timeline.of(
        run,
        ORIGIN,
        List.of(
            request("BR", Fetch.IMAGE, 1, 0.0, 0.4, Outcome.OK, 200, 1234),
            request("BR", Fetch.METADATA, 1, 0.4, 0.5, Outcome.OK, 200, 45),
            request("CN", Fetch.IMAGE, 1, 0.01, 0.3, Outcome.ERROR, 503, 0),
            request("CN", Fetch.IMAGE, 2, 0.6, 0.9, Outcome.OK, 200, 2048),
            request("XX", Fetch.IMAGE, 1, 0.02, 0.2, Outcome.NOT_FOUND, 404, 0),
            request("TP", Fetch.IMAGE, 1, 0.3, 0.35, Outcome.ERROR, 0, 0),
            request("US", Fetch.IMAGE, 1, 0.95, 1.2, Outcome.CANCELLED, 0, 0)));
  }

  /**
   * 150 requests over 2.5 s, all in flight at once against m = 20: lanes too thin for codes or a
   * white edge, retries outlined thinner, a peak far above m.
   */
  private static Timeline manyLanes() {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String code = "A" + (char) ('A' + i % 26) + (i / 26);
      requests.add(
          request(
              code,
              Fetch.IMAGE,
              i % 11 == 0 ? 2 : 1,
              i * 0.001,
              2.0 + i * 0.008,
              i % 7 == 0 ? Outcome.NOT_FOUND : Outcome.OK,
              i % 7 == 0 ? 404 : 200,
              i % 7 == 0 ? 0 : 900 + i));
    }
    Timeline.Run run =
        new Timeline.Run(
            "async", 20, "URL http://example.com/flags", 150, 128, 22, 0, 2_500_000_000L, false);
    return Timeline.of(run, ORIGIN, requests);
  }

  @Test
  void aChartWithFewLanesIsExactlyTheGoldenSvg() throws IOException {
    assertGolden("few-lanes.svg", SvgChart.svg(fewLanes()));
  }

  @Test
  void aChartWithManyThinLanesIsExactlyTheGoldenSvg() throws IOException {
    assertGolden("many-lanes.svg", SvgChart.svg(manyLanes()));
  }

  @Test
  void theTraceIsExactlyTheGoldenJson() throws IOException {
    StringWriter trace = new StringWriter();
    TraceJson.write(fewLanes(), trace);
    assertGolden("few-lanes.json", trace.toString());
  }

  /** {@code lanes} requests, all in flight for the whole second the run took: one lane each. */
  private static String chartOfLanes(int lanes) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      requests.add(request("C" + i, Fetch.IMAGE, 1, 0, 1, Outcome.OK, 200, 1000));
    }
    Timeline.Run run =
        new Timeline.Run("virtual", lanes, "LOCAL x", lanes, lanes, 0, 0, 1_000_000_000, false);
    return SvgChart.svg(Timeline.of(run, ORIGIN, requests));
  }

  @Test
  void codesOnBarsShrinkWithBarsLowerThanElevenPixels() {
    // 35 lanes share 560 px: 16 px each, bars of 12.8 px, codes of 10.8 px
    String svg = chartOfLanes(35);
    assertTrue(svg.contains("height=\"12.80\""), svg);
    assertTrue(
        svg.contains("<text class=\"code\" x=\"620.00\" y=\"107.78\" font-size=\"10.8\">C0<"), svg);
  }

  @Test
  void barsKeepAGapBetweenLanesDownToLanesOfFivePixels() {
    // 112 lanes of exactly 5 px: bars of 4 px, with their white edge
    String svg = chartOfLanes(112);
    assertTrue(svg.contains("height=\"4.00\" fill=\"#2e9e5b\" stroke=\"#fff\""), svg);
  }

  @Test
  void barsKeepTheirWhiteEdgeDownToFourPixels() {
    // 140 lanes of exactly 4 px: no gap left, but still the edge that tells bars apart
    String svg = chartOfLanes(140);
    assertTrue(
        svg.contains(
            "y=\"96.00\" width=\"1100.00\" height=\"4.00\" fill=\"#2e9e5b\" stroke=\"#fff\""),
        svg);
  }

  private static void assertGolden(String name, String actual) throws IOException {
    String golden;
    try (InputStream in = GoldenChartTest.class.getResourceAsStream(name)) {
      golden =
          in == null
              ? "(no golden file " + name + ")"
              : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(golden)) {
      // for review: diff it with the golden file, and copy it over when the change is meant
      Path file = Path.of("target", "timeline-actual", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertEquals(golden, actual);
  }
}
