package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flags2.common.Site;
import flags2.report.Console;
import flags2.strategy.StrategyKind;
import flags2.testing.MockServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -m 100} and {@code -m 1000}, the limits users pick, have exactly that many requests in
 * flight, for the strategies built for them (async and virtual threads; ConcurrencyTest covers
 * every strategy at small limits). The server holds every request until the limit is reached, so
 * the run can only get there by sending them all at once. The command line offers at most 676 codes
 * (AA to ZZ), so the run is built from options here with half as many codes again as the limit: the
 * limit, not the codes, is what caps the run.
 */
class ManyInFlightTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  /** Holds every request until {@link #release}; counts those in flight and the peak. */
  private static final class HoldAll extends Dispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final CountDownLatch reached;
    final CountDownLatch release = new CountDownLatch(1);

    HoldAll(int limit) {
      reached = new CountDownLatch(limit);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      reached.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(404).build();
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @ParameterizedTest(name = "-t {0} -m {1}: {1} in flight at once, never more")
  @CsvSource({"ASYNC, 100", "VIRTUAL, 100", "ASYNC, 1000", "VIRTUAL, 1000"})
  void theLimitIsReachedAndNeverPassed(StrategyKind strategy, int limit) throws Exception {
    // a client socket and a server socket per request, in this one process
    OpenFileLimit.FileDescriptors files = OpenFileLimit.FileDescriptors.current().orElseThrow();
    assumeTrue(
        files.max() - files.open() > 2L * limit + 200,
        "ulimit -n " + files.max() + " is too low for " + limit + " connections in one process");
    int codes = limit + limit / 2;
    HoldAll held = new HoldAll(limit);
    server.setDispatcher(held);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    DownloadOptions options =
        DownloadOptions.builder()
            .codes(IntStream.range(0, codes).mapToObj(i -> "c" + i).toList())
            .target(new Site.Target(Site.URL, server.url("/flags")))
            .strategy(strategy)
            .maxRequests(limit)
            .dest(dest)
            .timeout(Duration.ofSeconds(60))
            .build();
    CompletableFuture<DownloadRun.Outcome> run =
        CompletableFuture.supplyAsync(
            () ->
                new DownloadRun(
                        options,
                        new Console(printed, printed, false, 80),
                        System::nanoTime,
                        Interrupt.none())
                    .execute());

    boolean reached = held.reached.await(60, TimeUnit.SECONDS);
    held.release.countDown();
    DownloadRun.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertTrue(reached, "never " + limit + " in flight; at most " + held.peak + "\n" + out);
    assertEquals(limit, held.peak.get(), "the most in flight at once");
    assertEquals(codes, outcome.notFound(), out.toString(StandardCharsets.UTF_8));
    assertEquals(codes, server.getRequestCount());
    assertEquals(
        List.of(limit + " concurrent connections will be used."),
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains("concurrent"))
            .toList());
  }
}
