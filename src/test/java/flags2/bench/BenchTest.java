package flags2.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.download.DownloadRun;
import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import flags2.serve.TestServers;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.StallingDispatcher;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** {@code flags2 bench}: what it measures, the table and chart it makes, and its usage errors. */
class BenchTest {
  @TempDir Path dir;
  @StartStop MockWebServer teapot = MockServers.noDelay();

  @Test
  void measuresEachConcurrentStrategyAtEachLevelAndSequentialOnceWithTheServersCounts()
      throws Exception {
    try (TestServers servers =
        TestServers.start(
            TestServers.Config.defaults().withPorts(Map.of(Site.LOCAL, 0)), Set.of(Site.LOCAL))) {
      Path html = dir.resolve("report.html");
      Flags2Runner.Run run =
          new Flags2Runner()
              .run(
                  "bench",
                  "-s",
                  servers.url(Site.LOCAL).toString(),
                  "--runs",
                  "2",
                  "-m",
                  "40,1,4,4",
                  "--html",
                  html.toString(),
                  "a");

      assertEquals(0, run.status(), run.err());
      List<String[]> rows = tableRows(run.out());
      List<String> shape = rows.stream().map(row -> row[0] + " " + row[1] + " " + row[2]).toList();
      assertEquals(
          List.of(
              "sequential 1 1",
              "threadpool 1 1",
              "threadpool 4 4",
              "threadpool 40 26",
              "async 1 1",
              "async 4 4",
              "async 40 26",
              "virtual 1 1",
              "virtual 4 4",
              "virtual 40 26"),
          shape,
          "levels sorted and distinct; used = min(level, 26 codes)");
      Flags2Runner.Run plain =
          new Flags2Runner()
              .run(
                  "-s", servers.url(Site.LOCAL).toString(), "-d", dir.resolve("d").toString(), "a");
      String expected =
          plain.outLines().stream()
              .filter(l -> l.endsWith("downloaded."))
              .findFirst()
              .orElseThrow()
              .split(" ")[0];
      for (String[] row : rows) {
        assertEquals(expected, row[6], "ok count of " + String.join(" ", row));
        assertEquals(
            26, Integer.parseInt(row[6]) + Integer.parseInt(row[7]) + Integer.parseInt(row[8]));
      }
      assertTrue(run.out().contains("median, min and max of 2 runs"), run.out());
      assertTrue(run.out().contains("server: given with --server"), run.out());
      String page = Files.readString(html);
      assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
      assertTrue(page.contains("<svg"), "the chart is inline SVG");
      assertTrue(
          page.contains("<td>threadpool</td><td>40</td><td>26</td>"), "the table is in the page");
      // one more run per strategy at the lowest level above 1, each request a bar
      assertTrue(page.contains("One run per strategy at --max-req 4,"), page);
      assertEquals(4 * 26, page.split("<rect class=\"bar ", -1).length - 1, "bars");
      for (String title :
          List.of(
              "sequential · m = 1 ·",
              "threadpool · m = 4 ·",
              "async · m = 4 ·",
              "virtual · m = 4 ·")) {
        assertTrue(page.contains(title), title);
      }
      assertTrue(run.out().endsWith("HTML report: " + html + "\n"), run.out());
    }
  }

  @Test
  void errorsInAnyRunAreCountedAndExitOne() throws Exception {
    teapot.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            return new MockResponse.Builder().code(418).build();
          }
        });
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "bench",
                "-s",
                teapot.url("/flags").toString(),
                "-t",
                "virtual",
                "--runs",
                "1",
                "-m",
                "2",
                "--html",
                dir.resolve("r.html").toString(),
                "br",
                "cn");

    assertEquals(1, run.status(), run.err());
    String[] row = tableRows(run.out()).getFirst();
    assertEquals(
        List.of("virtual", "2", "2", "0", "0", "2", "-"),
        List.of(row[0], row[1], row[2], row[6], row[7], row[8], row[9]),
        "two errors, no sequential to compare with");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-m=0",
        "--levels=1,x",
        "--runs=0",
        "--strategies=fast",
        "--delay=soon",
        "--timeout=0",
        "zz9",
        "-s=ftp://x"
      })
  void badValuesAreUsageErrorsAndWriteNoReport(String arg) {
    Path html = dir.resolve("never.html");
    Flags2Runner.Run run = new Flags2Runner().run("bench", "--html", html.toString(), arg);

    assertEquals(2, run.status(), run.err());
    String[] lines = run.err().split("\n");
    assertEquals(2, lines.length, run.err());
    assertTrue(lines[0].startsWith("*** Usage error: "), lines[0]);
    assertEquals("Usage: flags2 bench [OPTIONS] [CC...]  (try 'flags2 bench --help')", lines[1]);
    assertFalse(Files.exists(html));
  }

  @Test
  void tableGivesMedianMinMaxAndSpeedUpOverSequential() {
    List<Cell> cells =
        List.of(
            cell(StrategyKind.SEQUENTIAL, 1, 1, 1.2, 0.8, 1.0),
            cell(StrategyKind.THREADPOOL, 1, 1, 1.0, 1.1, 0.9, 1.3),
            cell(StrategyKind.THREADPOOL, 10, 10, 0.1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new BenchReport(Measured.complete(cells), List.of("about"), Optional.empty())
        .printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String[]> rows = tableRows(bytes.toString(StandardCharsets.UTF_8));
    assertArrayEquals(
        new String[] {
          "sequential", "1", "1", "1.000s", "0.800s", "1.200s", "43", "35", "0", "1.0x"
        },
        rows.get(0));
    assertArrayEquals(
        new String[] {
          "threadpool", "1", "1", "1.050s", "0.900s", "1.300s", "43", "35", "0", "1.0x"
        },
        rows.get(1));
    assertArrayEquals(
        new String[] {
          "threadpool", "10", "10", "0.100s", "0.100s", "0.100s", "43", "35", "0", "10.0x"
        },
        rows.get(2));
  }

  @Test
  void chartHasOneLogScaleLinePerStrategyWithSequentialFlat() {
    List<Cell> cells =
        List.of(
            cell(StrategyKind.SEQUENTIAL, 1, 1, 4.0),
            cell(StrategyKind.ASYNC, 1, 1, 4.1),
            cell(StrategyKind.ASYNC, 5, 5, 0.9),
            cell(StrategyKind.VIRTUAL, 1, 1, 4.2),
            cell(StrategyKind.VIRTUAL, 5, 5, 0.8));
    XYChart chart = new BenchChart(cells, Optional.empty()).chart();

    assertEquals(
        List.of("sequential (always 1)", "async", "virtual"),
        chart.getSeriesCollection().stream()
            .filter(XYSeries::isShowInLegend)
            .map(XYSeries::getName)
            .toList());
    assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
    XYSeries sequential = chart.getSeries("sequential (always 1)");
    // each strategy a few pixels off the level, so that the whiskers do not hide each other
    double[] xs = sequential.getXData();
    assertEquals(2, xs.length);
    assertEquals(1, xs[0], 0.1);
    assertEquals(5, xs[1], 0.5);
    assertArrayEquals(new double[] {4.0, 4.0}, sequential.getYData());
    assertArrayEquals(new double[] {4.2, 0.8}, chart.getSeries("virtual").getYData());
  }

  @Test
  void pageEscapesWhatItQuotes() throws Exception {
    String page =
        new BenchReport(
                Measured.complete(List.of(cell(StrategyKind.VIRTUAL, 1, 1, 0.5))),
                List.of("from http://h/?a=<b>&c=\"d\""),
                Optional.empty())
            .html("t");

    assertTrue(page.contains("<p>from http://h/?a=&lt;b&gt;&amp;c=&quot;d&quot;</p>"), page);
  }

  @Test
  void chartDrawsTheIdealCeilingOfNOverMTimesTheDelayAtEachLevel() {
    List<Cell> cells =
        List.of(
            cell(StrategyKind.SEQUENTIAL, 1, 1, 39.2),
            cell(StrategyKind.THREADPOOL, 1, 1, 39.1),
            cell(StrategyKind.THREADPOOL, 5, 5, 8.1),
            cell(StrategyKind.THREADPOOL, 30, 30, 1.6),
            cell(StrategyKind.THREADPOOL, 100, 78, 0.6));
    XYChart chart =
        new BenchChart(cells, Optional.of(new BenchChart.Ideal(78, Duration.ofMillis(500))))
            .chart();

    XYSeries ideal = chart.getSeries("ideal ⌈78/m⌉ × 0.5s");
    assertArrayEquals(new double[] {1, 5, 30, 100}, ideal.getXData());
    assertArrayEquals(new double[] {39, 8, 1.5, 0.5}, ideal.getYData(), 1e-9);
    assertTrue(ideal.isShowInLegend());
    assertTrue(chart.getStyler().getYAxisMin() <= 0.5 && chart.getStyler().getYAxisMax() >= 39.2);
    assertTrue(
        new BenchChart(cells, Optional.empty())
            .chart().getSeriesCollection().stream()
                .noneMatch(series -> series.getName().startsWith("ideal")),
        "no ideal line without a known delay");
  }

  /**
   * The x-axis ticks are where the levels are, not at XChart's log ticks (1, 2, ..., 10, 20, ...):
   * drawn in a bitmap, the band just below the plot's bottom edge has a mark at each level's x and
   * none at 10 or 20.
   */
  @Test
  void xAxisTicksAreAtTheMeasuredLevelsOnly() {
    List<Cell> cells =
        List.of(
            cell(StrategyKind.VIRTUAL, 3, 3, 3.0),
            cell(StrategyKind.VIRTUAL, 15, 15, 0.6),
            cell(StrategyKind.VIRTUAL, 45, 45, 0.2));
    XYChart chart = new BenchChart(cells, Optional.empty()).chart();
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    // below the lowest y value, left of the first level: the first dark pixel is the plot's edge
    int x = (int) chart.getScreenXFromChart(2.5);
    int edge = (int) chart.getScreenYFromChart(chart.getStyler().getYAxisMin());
    while (!dark(image, x, edge)) {
      edge++;
    }

    for (double level : new double[] {3, 15, 45}) {
      assertTrue(markBelow(image, chart.getScreenXFromChart(level), edge), "tick at " + level);
    }
    for (double notLevel : new double[] {10, 20}) {
      assertFalse(
          markBelow(image, chart.getScreenXFromChart(notLevel), edge), "tick at " + notLevel);
    }
  }

  /** Whether a dark pixel lies within one column of {@code x}, 2 to 4 pixels below {@code y}. */
  private static boolean markBelow(BufferedImage image, double x, int y) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = 2; dy <= 4; dy++) {
        if (dark(image, (int) Math.round(x) + dx, y + dy)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dark(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 160;
  }

  @Test
  void eachPointHasMinToMaxWhiskersInItsStrategysColour() {
    List<Cell> cells =
        List.of(
            cell(StrategyKind.THREADPOOL, 1, 1, 1.0, 1.1, 0.9, 1.3),
            cell(StrategyKind.THREADPOOL, 10, 10, 0.1, 0.12, 0.08));
    XYChart chart = new BenchChart(cells, Optional.empty()).chart();

    XYSeries whiskers = chart.getSeries("threadpool min–max");
    assertFalse(whiskers.isShowInLegend());
    assertEquals(chart.getSeries("threadpool").getLineColor(), whiskers.getLineColor());
    assertEquals(Set.of(0.9, 1.3), yValuesAt(whiskers, 1));
    assertEquals(Set.of(0.08, 0.12), yValuesAt(whiskers, 10));
    assertTrue(chart.getStyler().getYAxisMin() <= 0.08 && chart.getStyler().getYAxisMax() >= 1.3);
  }

  private static Set<Double> yValuesAt(XYSeries series, double x) {
    Set<Double> ys = new java.util.HashSet<>();
    for (int i = 0; i < series.getXData().length; i++) {
      if (series.getXData()[i] == x && !Double.isNaN(series.getYData()[i])) {
        ys.add(series.getYData()[i]);
      }
    }
    return ys;
  }

  @Test
  void eachStrategyHasOneColourInEveryReport() {
    XYChart all =
        new BenchChart(
                List.of(
                    cell(StrategyKind.SEQUENTIAL, 1, 1, 4.0),
                    cell(StrategyKind.THREADPOOL, 1, 1, 4.0),
                    cell(StrategyKind.ASYNC, 1, 1, 4.0),
                    cell(StrategyKind.VIRTUAL, 1, 1, 4.0)),
                Optional.empty())
            .chart();
    XYChart virtualAlone =
        new BenchChart(List.of(cell(StrategyKind.VIRTUAL, 1, 1, 4.0)), Optional.empty()).chart();

    assertEquals(
        all.getSeries("virtual").getLineColor(), virtualAlone.getSeries("virtual").getLineColor());
    assertEquals(BenchChart.colour(StrategyKind.VIRTUAL), all.getSeries("virtual").getLineColor());
    assertEquals(
        BenchChart.colour(StrategyKind.VIRTUAL), all.getSeries("virtual").getMarkerColor());
    assertEquals(
        4,
        Arrays.stream(StrategyKind.values()).map(BenchChart::colour).distinct().count(),
        "four strategies, four colours");
  }

  @Test
  void saysSequentialIsDrawnFlatOnlyWhenSequentialRan() {
    teapot.setDispatcher(new FlagDispatcher().serve("BR"));
    String flat = "sequential keeps one request in flight at every level";

    Flags2Runner.Run virtualOnly = quickBench("-t", "virtual");
    Flags2Runner.Run both = quickBench("-t", "sequential,virtual");

    assertEquals(0, virtualOnly.status(), virtualOnly.err());
    assertFalse(virtualOnly.out().contains("sequential"), virtualOnly.out());
    assertFalse(html(virtualOnly).contains("drawn flat"));
    assertEquals(0, both.status(), both.err());
    assertTrue(both.out().contains(flat + ": measured at max-req 1, drawn flat"), both.out());
    assertTrue(html(both).contains("drawn flat"));
  }

  private Flags2Runner.Run quickBench(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("bench", "-s"));
    command.add(teapot.url("/flags").toString());
    command.addAll(List.of("-m", "1", "--runs", "1", "br", "--html"));
    command.add(dir.resolve(String.join("", args).replace(",", "-") + ".html").toString());
    command.addAll(List.of(args));
    return new Flags2Runner().run(command);
  }

  private static String html(Flags2Runner.Run run) {
    String last = run.outLines().getLast();
    try {
      return Files.readString(Path.of(last.substring("HTML report: ".length())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void progressGoesToStderrOneLinePerWarmUpPerCellInEachRoundAndPerTimeline() {
    teapot.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "bench",
                "-s",
                teapot.url("/flags").toString(),
                "-t",
                "sequential,virtual",
                "-m",
                "1,4",
                "--runs",
                "2",
                "--html",
                dir.resolve("p.html").toString(),
                "br",
                "cn");

    assertEquals(0, run.status(), run.err());
    assertEquals(
        List.of(
            "bench: warm-up sequential m=4",
            "bench: warm-up virtual m=4",
            "bench: cell 1/6 sequential m=1 round 1/2",
            "bench: cell 2/6 virtual m=1 round 1/2",
            "bench: cell 3/6 virtual m=4 round 1/2",
            "bench: cell 4/6 sequential m=1 round 2/2",
            "bench: cell 5/6 virtual m=1 round 2/2",
            "bench: cell 6/6 virtual m=4 round 2/2",
            "bench: timeline sequential m=4",
            "bench: timeline virtual m=4"),
        run.err().lines().toList());
    assertTrue(run.out().lines().noneMatch(line -> line.startsWith("bench:")), run.out());
  }

  /**
   * A signal in the second round: the two cells of the first are reported, marked partial, and the
   * bench ends with the signal's status.
   */
  @ParameterizedTest
  @EnumSource(
      value = ExitStatus.class,
      names = {"INTERRUPTED", "TERMINATED", "HUNG_UP"})
  void aSignalMidBenchReportsTheCellsFinishedMarkedPartial(ExitStatus signal) throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    AtomicInteger requests = new AtomicInteger();
    StallingDispatcher stalling = new StallingDispatcher(0);
    teapot.setDispatcher(
        new FlagDispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request)
              throws InterruptedException {
            // 2 codes: 2 warm-up requests, then 2 cells of 2 in round 1; the 7th is round 2's
            if (requests.incrementAndGet() < 7) {
              return super.dispatch(request);
            }
            stalled.countDown();
            return stalling.dispatch(request);
          }
        });
    Path html = dir.resolve("partial.html");
    Interrupt interrupt = Interrupt.none();
    CompletableFuture<Flags2Runner.Run> running =
        CompletableFuture.supplyAsync(
            () ->
                new Flags2Runner()
                    .interrupt(interrupt)
                    .run(
                        "bench",
                        "-s",
                        teapot.url("/flags").toString(),
                        "-t",
                        "virtual",
                        "-m",
                        "1,2",
                        "--runs",
                        "3",
                        "--timeout",
                        "60",
                        "--html",
                        html.toString(),
                        "aa",
                        "ab"));

    assertTrue(stalled.await(30, TimeUnit.SECONDS), "round 2 never started");
    interrupt.fire(signal);
    Flags2Runner.Run run = running.get(30, TimeUnit.SECONDS);

    assertEquals(signal.code, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("\npartial: interrupted after 2 of 6 cells\n"), run.out());
    assertEquals(
        List.of("virtual 1 2", "virtual 2 2"),
        tableRows(run.out()).stream().map(row -> row[0] + " " + row[1] + " " + row[7]).toList(),
        "each cell of round 1, its counts: 2 not found");
    String page = Files.readString(html);
    assertTrue(page.contains("partial: interrupted after 2 of 6 cells"), page);
    assertTrue(page.contains("<svg"), "the chart of what was measured");
  }

  /**
   * {@code --book} is {@code --delay 0.5 --levels 1,5,30,100}; a {@code --delay} or {@code
   * --levels} given too wins, before or after it. Against the bench's own DELAY server, in a
   * process of its own: two codes keep each run to one or two delays.
   */
  @Test
  void bookSetsTheBooksDelayAndLevelsAndExplicitOptionsWin() {
    Flags2Runner.Run bookLevels =
        new Flags2Runner()
            .run(
                "bench",
                "--book",
                "--delay",
                "0.02",
                "-t",
                "virtual",
                "--runs",
                "1",
                "--html",
                dir.resolve("b1.html").toString(),
                "aa",
                "ab");
    Flags2Runner.Run bookDelay =
        new Flags2Runner()
            .run(
                "bench",
                "--levels",
                "2",
                "--book",
                "-t",
                "virtual",
                "--runs",
                "1",
                "--html",
                dir.resolve("b2.html").toString(),
                "aa",
                "ab");

    assertEquals(0, bookLevels.status(), bookLevels.out() + bookLevels.err());
    assertEquals(
        "server: 'flags2 serve' in its own process, delayed responses 0.02s",
        bookLevels.outLines().get(1));
    assertEquals(
        List.of("virtual 1 1", "virtual 5 2", "virtual 30 2", "virtual 100 2"),
        tableRows(bookLevels.out()).stream()
            .map(row -> row[0] + " " + row[1] + " " + row[2])
            .toList());
    assertEquals(0, bookDelay.status(), bookDelay.out() + bookDelay.err());
    assertEquals(
        "server: 'flags2 serve' in its own process, delayed responses 0.5s",
        bookDelay.outLines().get(1));
    String[] row = tableRows(bookDelay.out()).getFirst();
    assertEquals(List.of("virtual", "2", "2"), List.of(row[0], row[1], row[2]));
    assertTrue(Double.parseDouble(row[3].replace("s", "")) >= 0.5, "one round of 0.5 s delays");
  }

  static Cell cell(StrategyKind strategy, int level, int used, double... seconds) {
    List<DownloadRun.Outcome> runs =
        Arrays.stream(seconds)
            .mapToObj(
                s ->
                    new DownloadRun.Outcome(
                        ExitStatus.OK, 43, 35, 0, Duration.ofNanos(Math.round(s * 1e9))))
            .toList();
    return new Cell(strategy, level, used, runs);
  }

  /** The table's rows: the lines after the heading that starts with "strategy", split on spaces. */
  /**
   * The bench's own server lives only as long as the bench: when {@code flags2 bench} returns, the
   * {@code flags2 serve} process it started has exited and its log is gone.
   */
  @Test
  void theBenchsOwnServerIsGoneWhenTheBenchEnds() throws Exception {
    Set<ProcessHandle> before = aliveChildren();
    Set<Path> logsBefore = serverLogs();

    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "bench",
                "--delay",
                "0.01",
                "-t",
                "virtual",
                "--runs",
                "1",
                "--levels",
                "1",
                "--html",
                dir.resolve("b.html").toString(),
                "aa");

    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.outLines().get(0).startsWith("flags2 bench: 1 flag (AA to AA) from DELAY "));
    Set<ProcessHandle> started = aliveChildren();
    started.removeAll(before); // one started before may end meanwhile: only a new one counts
    assertEquals(Set.of(), started, "child processes the bench left alive");
    assertEquals(logsBefore, serverLogs(), "server logs left");
  }

  private static Set<ProcessHandle> aliveChildren() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static Set<Path> serverLogs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          // this JVM's only: PIT runs other test JVMs beside this one, benches included
          .filter(
              f ->
                  f.getFileName()
                      .toString()
                      .startsWith("flags2-bench-serve-" + ProcessHandle.current().pid() + "-"))
          .collect(Collectors.toSet());
    }
  }

  private static List<String[]> tableRows(String out) {
    List<String> lines = out.lines().toList();
    int heading =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow());
    return lines.subList(heading + 1, lines.size()).stream()
        .takeWhile(line -> !line.isBlank())
        .map(line -> Stream.of(line.trim().split("\\s+")).toArray(String[]::new))
        .toList();
  }
}
