package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** --retries, for every strategy: what is retried, how often, and that each code counts once. */
class RetriesTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  /** Answers a code's requests in order from a script; the last answer repeats. */
  static final class Script extends FlagDispatcher {
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<Supplier<MockResponse>>> scripts = new ConcurrentHashMap<>();

    @SafeVarargs
    final Script answer(String code, Supplier<MockResponse>... answers) {
      scripts.put(code, List.of(answers));
      return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String code = request.getUrl().pathSegments().get(1).toUpperCase();
      int n = requests.computeIfAbsent(code, c -> new AtomicInteger()).getAndIncrement();
      List<Supplier<MockResponse>> script = scripts.get(code);
      return script == null
          ? super.dispatch(request)
          : script.get(Math.min(n, script.size() - 1)).get();
    }

    int requestsFor(String code) {
      return requests.getOrDefault(code, new AtomicInteger()).get();
    }
  }

  private static Supplier<MockResponse> status(int code) {
    return () -> new MockResponse.Builder().code(code).body("status " + code).build();
  }

  private static Supplier<MockResponse> ok(String code) {
    return () -> FlagDispatcher.ok(code);
  }

  private Flags2Runner.Run run(StrategyKind strategy, String... args) {
    Stream<String> common =
        Stream.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "-v");
    return new Flags2Runner().run(Stream.concat(common, Stream.of(args)).toList());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void serverErrorsAreRetriedUntilTheySucceedAndCountOnce(StrategyKind strategy) {
    Script script = new Script().answer("BR", status(503), status(500), ok("BR"));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "2", "br");
    assertEquals(0, run.status(), run.out());
    List<String> lines =
        run.outLines().stream().filter(l -> l.startsWith("BR") || l.contains("for BR")).toList();
    assertEquals(3, lines.size(), run.out());
    assertTrue(
        lines
            .get(0)
            .matches("BR retry 1/2 after HTTP error 503 - Server Error, waiting 0\\.[1-3]s"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches("BR retry 2/2 after HTTP error 500 - Server Error, waiting 0\\.[2-5]s"),
        lines.get(1));
    assertEquals("BR OK (3 attempts)", lines.get(2));
    assertTrue(run.outLines().contains("1 flag downloaded."), run.out());
    assertEquals(3, script.requestsFor("BR"));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void jsonResultsCountTheAttemptsAndRetriesGoToStderr(StrategyKind strategy) throws Exception {
    Script script =
        new Script().answer("BR", status(503), ok("BR")).answer("CN", status(503), status(502));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "1", "--json", "br", "cn", "us");
    JsonNode json = new ObjectMapper().readTree(run.out());
    Map<String, Integer> attempts = new java.util.TreeMap<>();
    json.get("results")
        .forEach(r -> attempts.put(r.get("code").asText(), r.get("attempts").asInt()));
    assertEquals(Map.of("BR", 2, "CN", 2, "US", 1), attempts);
    assertTrue(
        run.err().lines().anyMatch(l -> l.startsWith("BR retry 1/1 after HTTP error 503")),
        run.err());
    assertTrue(
        run.err()
            .lines()
            .anyMatch(
                l -> l.equals("*** Error for CN: HTTP error 502 - Server Error (2 attempts)")),
        run.err());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void whenRetriesRunOutTheLastFailureCounts(StrategyKind strategy) {
    Script script = new Script().answer("BR", status(503), status(429), status(500));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "1", "br");
    assertEquals(1, run.status());
    assertTrue(
        run.outLines().contains("*** Error for BR: HTTP error 429 - Client Error (2 attempts)"),
        run.out());
    assertTrue(run.outLines().contains("1 error."), run.out());
    assertEquals(2, script.requestsFor("BR"));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void notFoundAndOtherClientErrorsAreNeverRetried(StrategyKind strategy) {
    Script script =
        new Script().answer("TP", status(418), ok("TP")).answer("BA", status(400), ok("BA"));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "3", "xx", "tp", "ba");
    assertEquals(1, script.requestsFor("XX"));
    assertEquals(1, script.requestsFor("TP"));
    assertEquals(1, script.requestsFor("BA"));
    assertTrue(run.outLines().contains("1 not found."), run.out());
    assertTrue(run.outLines().contains("2 errors."), run.out());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aTimeoutIsRetried(StrategyKind strategy) {
    Script script =
        new Script()
            .answer(
                "BR",
                () ->
                    new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(),
                ok("BR"));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "1", "--timeout", "0.3", "br");
    assertEquals(0, run.status(), run.out());
    assertEquals(2, script.requestsFor("BR"));
  }

  /** The wait is the one announced: the loop hands the pause what it tells (RetryLoopTest). */
  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"SEQUENTIAL", "ASYNC"})
  void retryAfterIsHonoured(StrategyKind strategy) {
    Script script =
        new Script()
            .answer(
                "BR",
                () -> new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build(),
                ok("BR"));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "1", "br");
    assertEquals(0, run.status(), run.out());
    assertEquals(
        List.of(
            "BR retry 1/1 after HTTP error 429 - Client Error, waiting 1.0s", "BR OK (2 attempts)"),
        run.outLines().stream().filter(l -> l.startsWith("BR")).toList());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aServerThatHangsUpAfterTheRequestSeesItOnceWithoutRetriesAndTwiceWithOne(
      StrategyKind strategy) {
    Supplier<MockResponse> hangUp =
        () -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    Script script = new Script().answer("BR", hangUp, ok("BR")).answer("CN", hangUp, ok("CN"));
    server.setDispatcher(script);

    Flags2Runner.Run none = run(strategy, "br");
    assertEquals(1, none.status(), none.out());
    assertEquals(
        1, script.requestsFor("BR"), "--retries 0: one request; on a fresh connection, no repeat");

    Flags2Runner.Run one = run(strategy, "--retries", "1", "cn");
    assertEquals(0, one.status(), one.out());
    assertEquals(2, script.requestsFor("CN"), "--retries 1: the retry is the only repeat");
  }

  /** A connection lost while the image streams in is a network failure like any other. */
  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aConnectionResetMidBodyIsRetried(StrategyKind strategy) {
    Script script = new Script().answer("BR", FlagDispatcher::cutOffMidBody, ok("BR"));
    server.setDispatcher(script);
    Flags2Runner.Run run = run(strategy, "--retries", "1", "br");
    assertEquals(0, run.status(), run.out());
    assertTrue(run.outLines().contains("BR OK (2 attempts)"), run.out());
    assertEquals(2, script.requestsFor("BR"));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void withoutRetriesNothingIsRetried(StrategyKind strategy) {
    Script script = new Script().answer("BR", status(503), ok("BR"));
    server.setDispatcher(script);
    assertEquals(1, run(strategy, "br").status());
    assertEquals(1, script.requestsFor("BR"));
  }
}
