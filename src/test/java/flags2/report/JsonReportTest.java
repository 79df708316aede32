package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code --json}: one object on stdout, every documented field, strings escaped. */
class JsonReportTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void oneObjectWithCountsAndAResultPerCode(StrategyKind strategy) throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN").status("TP", 418));
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "-t",
                strategy.cliName(),
                "--json",
                "cn",
                "br",
                "xx",
                "tp");

    assertEquals(1, run.status());
    assertEquals("", run.err());
    assertEquals(1, run.outLines().size(), "exactly one line of JSON: " + run.out());
    JsonNode json = MAPPER.readTree(run.out());
    assertEquals(
        List.of(
            "schema_version",
            "site",
            "url",
            "strategy",
            "concurrency",
            "protocol",
            "connections",
            "requested",
            "ok",
            "not_found",
            "error",
            "not_attempted",
            "elapsed_seconds",
            "exit_status",
            "results"),
        iterable(json.fieldNames()));
    assertEquals(1, json.get("schema_version").asInt());
    assertEquals("URL", json.get("site").asText());
    assertEquals(server.url("/flags").toString(), json.get("url").asText());
    assertEquals(strategy.cliName(), json.get("strategy").asText());
    assertEquals(4, json.get("requested").asInt());
    assertEquals(2, json.get("ok").asInt());
    assertEquals(1, json.get("not_found").asInt());
    assertEquals(1, json.get("error").asInt());
    assertEquals(0, json.get("not_attempted").asInt());
    assertEquals(1, json.get("exit_status").asInt());
    assertTrue(json.get("elapsed_seconds").isNumber());

    JsonNode results = json.get("results");
    assertEquals(
        List.of("BR", "CN", "TP", "XX"),
        StreamSupport.stream(results.spliterator(), false)
            .map(r -> r.get("code").asText())
            .toList());
    JsonNode br = results.get(0);
    assertEquals(
        List.of(
            "code",
            "outcome",
            "http_status",
            "bytes",
            "millis",
            "error",
            "attempts",
            "start_ms",
            "file"),
        iterable(br.fieldNames()));
    assertEquals(1, br.get("attempts").asInt());
    assertEquals(dest.resolve("br.gif").toString(), br.get("file").asText());
    long startMs = br.get("start_ms").asLong();
    assertTrue(
        startMs >= 0 && startMs <= 1000 * json.get("elapsed_seconds").asDouble(), br.toString());
    assertEquals("ok", br.get("outcome").asText());
    assertEquals(200, br.get("http_status").asInt());
    assertEquals(FlagDispatcher.image("BR").length, br.get("bytes").asLong());
    assertTrue(br.get("error").isNull());
    JsonNode tp = results.get(2);
    assertEquals("error", tp.get("outcome").asText());
    assertEquals(418, tp.get("http_status").asInt());
    assertEquals("HTTP error 418 - Client Error", tp.get("error").asText());
    assertTrue(tp.get("file").isNull(), tp.toString());
    assertEquals("not_found", results.get(3).get("outcome").asText());
  }

  @Test
  void helpNamesEveryFieldTheJsonHas() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    JsonNode json =
        MAPPER.readTree(
            new Flags2Runner()
                .run("-s", server.url("/flags").toString(), "-d", dest.toString(), "--json", "br")
                .out());
    String help = new Flags2Runner().run("--help").out();
    String section = help.substring(help.indexOf("JSON output:"));
    List<String> fields = new java.util.ArrayList<>(iterable(json.fieldNames()));
    fields.addAll(iterable(json.get("results").get(0).fieldNames()));
    for (String field : fields) {
      assertTrue(section.contains(field), field + " is not in --help's JSON section:\n" + section);
    }
  }

  @Test
  void messagesWithQuotesBackslashesControlAndNonAsciiCharactersSurviveTheRoundTrip()
      throws Exception {
    String nasty = "Teapot \"brewing\" \\ tab\t bell\u0007 naïve ☕ \uD83C\uDDE7\uD83C\uDDF7";
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "TP", () -> new MockResponse.Builder().status("HTTP/1.1 418 " + nasty).build()));
    Flags2Runner.Run run =
        new Flags2Runner()
            .run("-s", server.url("/flags").toString(), "-d", dest.toString(), "--json", "tp");
    JsonNode json = MAPPER.readTree(run.out());
    assertEquals(
        "HTTP error 418 - " + nasty.strip(), json.get("results").get(0).get("error").asText());
  }

  @Test
  void verboseLinesGoToStderrSoStdoutStaysOneObject() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "--json",
                "-v",
                "br",
                "xx");
    assertEquals(
        java.util.Set.of("BR OK", "XX not found"),
        java.util.Set.copyOf(run.err().lines().toList())); // completion order
    assertEquals(2, run.err().lines().count());
    assertEquals(2, MAPPER.readTree(run.out()).get("results").size());
  }

  @Test
  void credentialsAreRedactedInTheUrlField() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    String url =
        server.url("/flags").newBuilder().username("alice").password("s3cret").build().toString();
    Flags2Runner.Run run = new Flags2Runner().run("-s", url, "-d", dest.toString(), "--json", "br");
    assertTrue(
        !run.out().contains("s3cret")
            && MAPPER.readTree(run.out()).get("url").asText().contains("***@"),
        run.out());
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /**
   * A code cut short by Ctrl-C is an object with the same fields as a tried one, none of them made
   * up; elapsed_seconds is the run's time to the millisecond; the object ends its line.
   */
  @Test
  void aCodeNeverTriedHasEveryFieldEmptyAndTheElapsedTimeIsInSeconds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonReport report =
        new JsonReport(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            null,
            StrategyKind.SEQUENTIAL,
            () -> new Transport(1, 1, 0, 0, 1));
    report.initial(
        new Site.Target(Site.LOCAL, HttpUrl.get("http://localhost:8001/flags")),
        List.of("BR", "CN"),
        1);
    report.started(5_000_000);
    report.accept(Result.notFound("BR", 3).withStart(7_000_000));
    report.finish(Duration.ofMillis(1720), 1, ExitStatus.INTERRUPTED);

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.endsWith("}\n"), out);
    assertTrue(
        out.contains(
            "\"elapsed_seconds\":1.72,\"exit_status\":"
                + ExitStatus.INTERRUPTED.code
                + ",\"results\":[{\"code\":\"BR\",\"outcome\":\"not_found\",\"http_status\":404,"
                + "\"bytes\":0,\"millis\":3,\"error\":null,\"attempts\":1,\"start_ms\":2,"
                + "\"file\":null},{\"code\":\"CN\",\"outcome\":\"not_attempted\","
                + "\"http_status\":null,\"bytes\":0,\"millis\":null,\"error\":null,"
                + "\"attempts\":0,\"start_ms\":null,\"file\":null}]}"),
        out);
  }

  /**
   * Piped into a script, stdout may be block-buffered: the object is all there when the run ends.
   */
  @Test
  void onABlockBufferedStdoutTheWholeObjectIsWrittenWhenTheRunEnds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonReport report =
        new JsonReport(
            new PrintStream(new BufferedOutputStream(bytes, 8192), false, StandardCharsets.UTF_8),
            null,
            StrategyKind.SEQUENTIAL,
            () -> new Transport(1, 1, 0, 0, 1));
    report.initial(
        new Site.Target(Site.LOCAL, HttpUrl.get("http://localhost:8001/flags")), List.of("BR"), 1);
    report.accept(Result.notFound("BR", 3));
    report.finish(Duration.ofMillis(1720), 0, ExitStatus.OK);

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("{") && out.endsWith("}\n"), out);
  }
}
