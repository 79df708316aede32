package flags2.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Codes;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every strategy keeps within its limit and reaches it. The server holds each request until the
 * expected number are in flight at once, then lets them all go; it records the peak over the whole
 * run, and the test asserts it once the run is over (no wait for requests that should not come).
 * ManyInFlightTest goes to -m 100 and 1000.
 */
class ConcurrencyTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  /** Holds requests on a latch and counts how many are in flight. */
  static final class HoldingDispatcher extends FlagDispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger heldInFlight = new AtomicInteger();
    private final int expected;
    private final Predicate<String> held;

    HoldingDispatcher(int expected) {
      this(expected, path -> true);
    }

    /** Holds only the requests whose path {@code held} accepts; counts them all. */
    HoldingDispatcher(int expected, Predicate<String> held) {
      this.expected = expected;
      this.held = held;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      boolean holding = held.test(request.getUrl().encodedPath());
      if (holding && heldInFlight.incrementAndGet() == expected) {
        reached.countDown();
      }
      try {
        if (holding) {
          release.await(20, TimeUnit.SECONDS);
        }
        return super.dispatch(request);
      } finally {
        if (holding) {
          heldInFlight.decrementAndGet();
        }
        inFlight.decrementAndGet();
      }
    }
  }

  private void assertPeak(StrategyKind strategy, int codes, String maxReq, int expected)
      throws Exception {
    HoldingDispatcher dispatcher = new HoldingDispatcher(expected);
    server.setDispatcher(dispatcher);
    Flags2Runner.Run done =
        assertPeak(
            dispatcher, expected, codes, strategy, "-e", "-l", String.valueOf(codes), "-m", maxReq);
    assertTrue(done.outLines().contains(codes + " not found."), done.out());
  }

  /**
   * Runs with {@code more} arguments, asserting that {@code expected} requests were held at once
   * and no more were ever in flight, and that the server saw {@code requests} in all.
   */
  private Flags2Runner.Run assertPeak(
      HoldingDispatcher dispatcher,
      int expected,
      int requests,
      StrategyKind strategy,
      String... more)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "-t",
                strategy.cliName()));
    args.addAll(List.of(more));
    CompletableFuture<Flags2Runner.Run> run =
        CompletableFuture.supplyAsync(() -> new Flags2Runner().run(args));

    boolean reached = dispatcher.reached.await(20, TimeUnit.SECONDS);
    dispatcher.release.countDown();
    Flags2Runner.Run done = run.get(30, TimeUnit.SECONDS);

    assertTrue(reached, "never had " + expected + " in flight; peak " + dispatcher.peak);
    // the server's count over the whole run: requests over the limit are counted whenever they came
    assertEquals(expected, dispatcher.peak.get(), "the most in flight at once");
    assertEquals(0, done.status(), done.err());
    assertEquals(requests, server.getRequestCount());
    return done;
  }

  @ParameterizedTest(name = "{0} -m 7 over 40 codes keeps 7 in flight")
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREADPOOL", "ASYNC", "VIRTUAL"})
  void concurrentStrategiesReachTheirLimitAndNeverPassIt(StrategyKind strategy) throws Exception {
    assertPeak(strategy, 40, "7", 7);
  }

  @ParameterizedTest(name = "{0} -m 1000 over 12 codes has all 12 in flight")
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREADPOOL", "ASYNC", "VIRTUAL"})
  void aLimitAboveTheCodeCountSendsEveryCodeAtOnce(StrategyKind strategy) throws Exception {
    assertPeak(strategy, 12, "1000", 12);
  }

  @ParameterizedTest(name = "{0} -m 1 is sequential")
  @EnumSource(StrategyKind.class)
  void maxReqOneBehavesSequentially(StrategyKind strategy) throws Exception {
    assertPeak(strategy, 6, "1", 1);
  }

  /** 40 codes, each with an image and a distinct country name. */
  private static HoldingDispatcher namedFlags(int expected, Predicate<String> held) {
    HoldingDispatcher dispatcher = new HoldingDispatcher(expected, held);
    for (String code : Codes.expand(List.of("a", "b"), false, false, 40)) {
      dispatcher.serve(code).country(code, "Country " + code);
    }
    return dispatcher;
  }

  @ParameterizedTest(name = "{0} --country-names -m 7: 7 image requests in flight, never more")
  @EnumSource(StrategyKind.class)
  void withCountryNamesImageRequestsReachTheLimit(StrategyKind strategy) throws Exception {
    int m = strategy == StrategyKind.SEQUENTIAL ? 1 : 7;
    HoldingDispatcher dispatcher = namedFlags(m, path -> path.endsWith(".gif"));
    server.setDispatcher(dispatcher);
    Flags2Runner.Run done =
        assertPeak(dispatcher, m, 80, strategy, "--country-names", "-m", "7", "a", "b", "-l", "40");
    assertTrue(done.outLines().contains("40 flags downloaded."), done.out());
  }

  @ParameterizedTest(name = "{0} --country-names -m 7: 7 metadata requests in flight, never more")
  @EnumSource(StrategyKind.class)
  void withCountryNamesMetadataRequestsReachTheLimit(StrategyKind strategy) throws Exception {
    int m = strategy == StrategyKind.SEQUENTIAL ? 1 : 7;
    HoldingDispatcher dispatcher = namedFlags(m, path -> path.endsWith("/metadata.json"));
    server.setDispatcher(dispatcher);
    Flags2Runner.Run done =
        assertPeak(dispatcher, m, 80, strategy, "--country-names", "-m", "7", "a", "b", "-l", "40");
    assertTrue(done.outLines().contains("40 flags downloaded."), done.out());
  }

  @ParameterizedTest(name = "{0} by default uses {1}")
  @CsvSource({"SEQUENTIAL, 1", "THREADPOOL, 30", "ASYNC, 5", "VIRTUAL, 30"})
  void eachStrategyHasItsDefaultLimit(StrategyKind strategy, int limit) throws Exception {
    HoldingDispatcher dispatcher = new HoldingDispatcher(limit);
    dispatcher.release.countDown();
    server.setDispatcher(dispatcher);
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "-t",
                strategy.cliName(),
                "-e",
                "-l",
                "40");
    String expected =
        limit == 1
            ? "1 concurrent connection will be used."
            : limit + " concurrent connections will be used.";
    assertEquals(expected, run.outLines().get(2));
  }
}
