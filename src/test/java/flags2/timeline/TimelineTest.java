package flags2.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.download.Interrupt;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.StallingDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --timeline}: what the chart and the trace hold, for real runs against MockWebServer. */
class TimelineTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dir;

  private Flags2Runner.Run run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("-s", server.url("/flags").toString(), "-d", dir.resolve("d").toString()));
    args.addAll(List.of(extra));
    return new Flags2Runner().run(args);
  }

  /** The complete events of a trace file, one per request. */
  private static List<JsonNode> events(Path trace) throws Exception {
    JsonNode json = new ObjectMapper().readTree(trace.toFile());
    List<JsonNode> events = new ArrayList<>();
    json.get("traceEvents")
        .forEach(
            e -> {
              if (e.get("ph").asText().equals("X")) {
                events.add(e);
              }
            });
    return events;
  }

  /** The most events overlapping at once, from their ts and dur alone. */
  private static int peak(List<JsonNode> events) {
    List<long[]> edges = new ArrayList<>();
    for (JsonNode e : events) {
      long ts = e.get("ts").asLong();
      edges.add(new long[] {ts, 1});
      edges.add(new long[] {ts + e.get("dur").asLong(), -1});
    }
    edges.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    int now = 0;
    int peak = 0;
    for (long[] edge : edges) {
      now += (int) edge[1];
      peak = Math.max(peak, now);
    }
    return peak;
  }

  @Test
  void sequentialBarsNeverOverlapAndSitInOneLane() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("AB", "AD", "AF"));
    Path trace = dir.resolve("seq.json");
    Path chart = dir.resolve("seq.svg");
    assertEquals(
        0, run("-t", "sequential", "-l", "8", "a", "--timeline", trace.toString()).status());
    assertEquals(
        0, run("-t", "sequential", "-l", "8", "a", "--timeline", chart.toString()).status());

    List<JsonNode> events = events(trace);
    assertEquals(8, events.size());
    long end = 0;
    for (JsonNode e :
        events.stream().sorted(Comparator.comparingLong(e -> e.get("ts").asLong())).toList()) {
      assertEquals(1, e.get("tid").asInt(), e.toString());
      assertTrue(e.get("ts").asLong() >= end, "overlaps the one before: " + e);
      end = e.get("ts").asLong() + e.get("dur").asLong();
    }
    List<Element> bars = bars(parse(chart));
    assertEquals(8, bars.size());
    assertEquals(1, bars.stream().map(b -> b.getAttribute("y")).distinct().count(), "one lane");
    bars.sort(Comparator.comparingDouble(b -> Double.parseDouble(b.getAttribute("x"))));
    for (int i = 1; i < bars.size(); i++) {
      double previousEnd =
          Double.parseDouble(bars.get(i - 1).getAttribute("x"))
              + Double.parseDouble(bars.get(i - 1).getAttribute("width"));
      // a bar is drawn at least 0.8 wide, so one of a zero-length request may reach the next
      assertTrue(Double.parseDouble(bars.get(i).getAttribute("x")) >= previousEnd - 0.81);
    }
  }

  /** Holds every request until {@code expected} are in flight, then lets them all through. */
  static final class Holding extends FlagDispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final CountDownLatch reached = new CountDownLatch(1);
    private final int expected;

    Holding(int expected) {
      this.expected = expected;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (inFlight.incrementAndGet() >= expected) {
        reached.countDown();
      }
      try {
        assertTrue(reached.await(20, TimeUnit.SECONDS), "never " + expected + " in flight");
        return super.dispatch(request);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(StrategyKind.class)
  void theInFlightLinePeaksAtExactlyM(StrategyKind strategy) throws Exception {
    int m = strategy == StrategyKind.SEQUENTIAL ? 1 : 4;
    server.setDispatcher(new Holding(m).serve("AC", "AH"));
    Path trace = dir.resolve("t.json");
    Flags2Runner.Run done =
        CompletableFuture.supplyAsync(
                () ->
                    run(
                        "-t",
                        strategy.cliName(),
                        "-m",
                        "4",
                        "-l",
                        "13",
                        "a",
                        "--timeline",
                        trace.toString()))
            .get(30, TimeUnit.SECONDS);

    assertEquals(0, done.status(), done.err());
    List<JsonNode> events = events(trace);
    assertEquals(13, events.size());
    assertEquals(m, peak(events), "requests in flight at once");
    Set<Integer> lanes = new TreeSet<>();
    events.forEach(e -> lanes.add(e.get("tid").asInt()));
    assertEquals(m, lanes.size(), "lanes: " + lanes);
    JsonNode other = new ObjectMapper().readTree(trace.toFile()).get("otherData");
    assertEquals(m, other.get("concurrency").asInt());
    assertEquals(strategy.cliName(), other.get("strategy").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.svg", "t.html"})
  void theChartParsesAsXmlWithOneBarPerRequest(String name) throws Exception {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("AB", "AC")
            .status("AD", 418)
            .respond("AE", () -> new MockResponse.Builder().code(503).body("busy").build()));
    Path chart = dir.resolve(name);
    Flags2Runner.Run done = run("-l", "6", "a", "--retries", "1", "--timeline", chart.toString());

    assertEquals(1, done.status(), done.out() + done.err());
    List<Element> bars = bars(parse(chart));
    assertEquals(7, server.getRequestCount()); // AE twice
    assertEquals(7, bars.size());
    assertEquals(2, count(bars, "ok"));
    assertEquals(2, count(bars, "not_found"));
    assertEquals(3, count(bars, "error"));
    assertEquals(1, count(bars, "retry"));
    assertTrue(bars.stream().allMatch(b -> b.getElementsByTagName("title").getLength() == 1));
    String text = Files.readString(chart);
    assertTrue(text.contains("6 codes: 2 ok, 2 not found, 2 errors"), text);
    assertFalse(text.contains("<script"), "self-contained, no script");
  }

  @Test
  void theTraceHoldsOneCompleteEventPerRequestWithTheDocumentedFields() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("AB").status("AC", 418));
    Path trace = dir.resolve("t.json");
    run("-l", "3", "a", "--timeline", trace.toString());

    List<JsonNode> events = events(trace);
    assertEquals(3, events.size());
    Path plain = Files.writeString(dir.resolve("plain"), "");
    assertEquals(
        Files.getPosixFilePermissions(plain),
        Files.getPosixFilePermissions(trace),
        "the permissions of any new file, not a private temporary file's");
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(f -> f.toString().endsWith(".part")).toList());
    }
    for (JsonNode e : events) {
      for (String field : List.of("name", "ph", "ts", "dur", "pid", "tid", "args")) {
        assertTrue(e.has(field), field + " in " + e);
      }
      JsonNode args = e.get("args");
      for (String field : List.of("code", "fetch", "attempt", "outcome", "status", "bytes")) {
        assertTrue(args.has(field), field + " in " + e);
      }
      assertEquals("image", args.get("fetch").asText());
      assertEquals(1, args.get("attempt").asInt());
      assertTrue(e.get("dur").asLong() >= 0 && e.get("ts").asLong() >= 0, e.toString());
    }
    JsonNode ab =
        events.stream().filter(e -> e.get("name").asText().equals("AB")).findFirst().orElseThrow();
    assertEquals("ok", ab.get("args").get("outcome").asText());
    assertEquals(200, ab.get("args").get("status").asInt());
    assertEquals(FlagDispatcher.image("AB").length, ab.get("args").get("bytes").asLong());
    JsonNode ac =
        events.stream().filter(e -> e.get("name").asText().equals("AC")).findFirst().orElseThrow();
    assertEquals("error", ac.get("args").get("outcome").asText());
    assertEquals(418, ac.get("args").get("status").asInt());
  }

  @Test
  void theTitleHidesTheServersCredentials() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("AB"));
    Path chart = dir.resolve("t.svg");
    String url =
        server.url("/flags").newBuilder().username("ann").password("s3cret").build().toString();
    Flags2Runner.Run done =
        new Flags2Runner()
            .run(
                "-s",
                url,
                "-d",
                dir.resolve("d").toString(),
                "-l",
                "2",
                "a",
                "--timeline",
                chart.toString());

    assertEquals(0, done.status(), done.err());
    String svg = Files.readString(chart);
    assertFalse(svg.contains("s3cret") || svg.contains("ann"), svg);
    assertTrue(svg.contains("URL http://***@"), svg);
    parse(chart);
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.png", "t", "missing/t.html"})
  void aBadTimelineFileIsAUsageErrorBeforeAnyRequest(String name) {
    server.setDispatcher(new FlagDispatcher());
    Flags2Runner.Run done = run("a", "--timeline", dir.resolve(name).toString());

    assertEquals(2, done.status());
    assertTrue(done.err().startsWith("*** Usage error: --timeline"), done.err());
    assertEquals(0, server.getRequestCount());
    assertFalse(Files.exists(dir.resolve("d")), "no directory created");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(StrategyKind.class)
  void anInterruptedRunStillWritesTheRequestsThatRan(StrategyKind strategy) throws Exception {
    StallingDispatcher dispatcher = new StallingDispatcher(3);
    server.setDispatcher(dispatcher);
    Interrupt ctrlC = Interrupt.none();
    Path trace = dir.resolve("t.json");
    List<String> args =
        List.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dir.resolve("d").toString(),
            "-t",
            strategy.cliName(),
            "-m",
            "4",
            "a",
            "--timeout",
            "60",
            "--timeline",
            trace.toString());
    CompletableFuture<Flags2Runner.Run> running =
        CompletableFuture.supplyAsync(() -> new Flags2Runner().interrupt(ctrlC).run(args));
    assertTrue(dispatcher.stalling.await(10, TimeUnit.SECONDS), "no request reached the server");
    ctrlC.fire();
    Flags2Runner.Run done = running.get(10, TimeUnit.SECONDS);

    assertEquals(130, done.status(), done.out() + done.err());
    List<JsonNode> events = events(trace);
    assertTrue(events.size() < 26, "not every code was tried: " + events.size());
    Set<String> ok =
        new TreeSet<>(
            events.stream()
                .filter(e -> e.get("args").get("outcome").asText().equals("ok"))
                .map(e -> e.get("args").get("code").asText())
                .toList());
    assertTrue(Set.of("AA", "AB", "AC").containsAll(ok), ok.toString());
    String downloaded = ok.size() == 1 ? "1 flag downloaded." : ok.size() + " flags downloaded.";
    assertTrue(done.outLines().contains(downloaded), "as the report counts: " + done.out());
    assertTrue(
        events.stream().anyMatch(e -> e.get("args").get("outcome").asText().equals("cancelled")),
        "the stalled request shows as cancelled");
    assertTrue(
        new ObjectMapper()
            .readTree(trace.toFile())
            .get("otherData")
            .get("interrupted")
            .asBoolean());
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> bars(Document document) {
    NodeList rects = document.getElementsByTagNameNS("*", "rect");
    List<Element> bars = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if (List.of(rect.getAttribute("class").split(" ")).contains("bar")) {
        bars.add(rect);
      }
    }
    return bars;
  }

  private static long count(List<Element> bars, String cls) {
    return bars.stream()
        .filter(b -> List.of(b.getAttribute("class").split(" ")).contains(cls))
        .count();
  }
}
