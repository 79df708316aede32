package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.strategy.Shutdown;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C's one cancel, as the user sees it, for every strategy: the downloads in progress stop and
 * count as not attempted (never as errors, never saved), nothing is retried, nothing new is sent,
 * and a Ctrl-C after the run does nothing. The server holds every body halfway, for good or until
 * the test lets it go after the Ctrl-C: a download the cancel missed would then hold the run, or
 * complete. The run waits a minute for its workers, so no verdict depends on how fast anything
 * stops.
 */
class CtrlCTest {
  private static final Shutdown PATIENT = new Shutdown(Duration.ofMinutes(1));

  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;
  private final HeldBodies held = new HeldBodies();

  /** Sends each image's headers and first bytes, the rest only after {@link #release}. */
  private static final class HeldBodies extends Dispatcher {
    final CountDownLatch released = new CountDownLatch(1);
    volatile CountDownLatch arrived = new CountDownLatch(0);

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      byte[] gif = FlagDispatcher.image(request.getUrl().pathSegments().get(1).toUpperCase());
      arrived.countDown();
      return new MockResponse.Builder()
          .addHeader("Content-Type", "image/gif")
          .body(
              new MockResponseBody() {
                @Override
                public long getContentLength() {
                  return gif.length;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                  sink.write(gif, 0, 6).flush();
                  try {
                    released.await();
                  } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                  }
                  sink.write(gif, 6, gif.length - 6).flush();
                }
              })
          .build();
    }

    void release() {
      released.countDown();
    }
  }

  @AfterEach
  void releaseTheServer() {
    held.release();
  }

  /**
   * Runs {@code -m 2 aa ab ac} and {@code extra}, fires Ctrl-C once every request the limit allows
   * has reached the server, and only then, if {@code release}, lets the held bodies go.
   */
  private Flags2Runner.Run ctrlCWhileBodiesAreHeld(
      StrategyKind strategy, boolean release, String... extra) throws Exception {
    held.arrived = new CountDownLatch(strategy.limit(2, 3));
    server.setDispatcher(held);
    Interrupt ctrlC = new Interrupt(status -> {}, PATIENT);
    List<String> args =
        Flags2Runner.download(server.url("/flags"), dest, strategy, "-m", "2", "--timeout", "60");
    args.addAll(List.of(extra));
    args.addAll(List.of("aa", "ab", "ac"));
    CompletableFuture<Flags2Runner.Run> running =
        CompletableFuture.supplyAsync(() -> new Flags2Runner().interrupt(ctrlC).run(args));
    assertTrue(held.arrived.await(10, TimeUnit.SECONDS), "the requests never arrived");
    ctrlC.fire();
    if (release) {
      held.release();
    }
    return running.get(20, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCStopsEveryDownloadInProgressAtOnceAndCountsItNotAttemptedNotAsAnError(
      StrategyKind strategy) throws Exception {
    Flags2Runner.Run run = ctrlCWhileBodiesAreHeld(strategy, false, "--json");

    assertEquals(130, run.status(), run.out() + run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> outcomes = new ArrayList<>();
    json.get("results").forEach(r -> outcomes.add(r.get("outcome").asText()));
    assertEquals(List.of("not_attempted", "not_attempted", "not_attempted"), outcomes, run.out());
    assertEquals(strategy.limit(2, 3), server.getRequestCount(), "requests sent");
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(List.of(), files.toList(), "nothing saved, no partial file");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCWithRetriesRetriesNothingAndSavesNothingThatArrivesAfter(StrategyKind strategy)
      throws Exception {
    Flags2Runner.Run run = ctrlCWhileBodiesAreHeld(strategy, true, "-v", "--retries", "3");

    assertEquals(130, run.status(), run.out() + run.err());
    String screen = run.screen().toLowerCase(Locale.ROOT);
    assertFalse(screen.contains("retry"), run.screen());
    assertTrue(run.outLines().contains("3 not attempted."), run.out());
    assertEquals(strategy.limit(2, 3), server.getRequestCount(), "requests sent");
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(List.of(), files.toList(), "nothing saved, no partial file");
    }
  }

  @Test
  void aCtrlCAfterTheRunHasEndedDoesNothing() {
    server.setDispatcher(new FlagDispatcher().serve("AA"));
    Interrupt ctrlC = Interrupt.none();
    Flags2Runner.Run run =
        new Flags2Runner()
            .interrupt(ctrlC)
            .run("-s", server.url("/flags").toString(), "-d", dest.toString(), "aa");
    assertEquals(0, run.status(), run.out() + run.err());

    ctrlC.fire();

    assertFalse(Thread.interrupted(), "a late Ctrl-C interrupted the thread that ran the download");
  }
}
