package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one retry loop, as both kinds of download use it: blocking (every step on the caller's
 * thread, waits slept) and callback (waits on a timer). Backoff is 1 ms so nothing here waits.
 */
class RetryLoopTest {
  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1));

  /** Attempts that fail retryably until {@code successAt}, recording the thread of each. */
  private static final class Attempts {
    final AtomicInteger made = new AtomicInteger();
    final List<Thread> threads = new ArrayList<>();
    private final int successAt;

    Attempts(int successAt) {
      this.successAt = successAt;
    }

    CompletableFuture<Attempt> next(int number) {
      assertEquals(made.incrementAndGet(), number, "attempts are numbered from 1");
      synchronized (threads) {
        threads.add(Thread.currentThread());
      }
      Attempt attempt =
          number == successAt
              ? Attempt.done(Result.ok("BR", 200, 10, 1))
              : new Attempt(Result.error("BR", 503, 1, "try " + number), true, null);
      return CompletableFuture.completedFuture(attempt);
    }
  }

  @Test
  void aBlockingDownloadRetriesOnItsOwnThreadUntilItSucceeds() {
    Attempts attempts = new Attempts(3);

    CompletableFuture<Result> result =
        new RetryLoop(FAST, new CompletableFuture<>(), RetryLoop.Listener.NONE)
            .run(attempts::next, RetryLoop.SLEEP);

    assertTrue(result.isDone(), "a blocking loop returns with its result ready");
    assertEquals(Result.ok("BR", 200, 10, 1).withAttempts(3), result.join());
    assertEquals(List.of(Thread.currentThread()), attempts.threads.stream().distinct().toList());
  }

  @Test
  void retriesStopAtThePolicysLimitWithTheLastResult() {
    Attempts attempts = new Attempts(99);

    Result result =
        new RetryLoop(FAST, new CompletableFuture<>(), RetryLoop.Listener.NONE)
            .run(attempts::next, RetryLoop.SLEEP)
            .join();

    assertEquals(4, attempts.made.get(), "one try and three retries");
    assertEquals("try 4", result.error());
  }

  @Test
  void everyRetryIsToldBeforeItsWaitAndTheResultCountsTheAttempts() {
    Attempts attempts = new Attempts(99);
    List<String> told = new ArrayList<>();

    Result result =
        new RetryLoop(
                FAST,
                new CompletableFuture<>(),
                (failed, retry, retries, wait) ->
                    told.add(
                        failed.error()
                            + " retry "
                            + retry
                            + "/"
                            + retries
                            + " after "
                            + failed.attempts()
                            + (wait.toMillis() <= 1 ? "" : " waiting " + wait)))
            .run(attempts::next, RetryLoop.SLEEP)
            .join();

    assertEquals(
        List.of("try 1 retry 1/3 after 1", "try 2 retry 2/3 after 2", "try 3 retry 3/3 after 3"),
        told);
    assertEquals(4, result.attempts());
  }

  /** What the user is told ("waiting 1.0s") is what the loop then waits. */
  @Test
  void eachWaitIsTheOneToldAndThePolicysChoice() {
    Attempts attempts = new Attempts(3);
    RetryPolicy policy =
        new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(5));
    Duration retryAfter = Duration.ofSeconds(2);
    List<Duration> told = new ArrayList<>();
    List<Duration> waited = new ArrayList<>();

    Result result =
        new RetryLoop(
                policy, new CompletableFuture<>(), (failed, retry, retries, wait) -> told.add(wait))
            .run(
                number ->
                    attempts
                        .next(number)
                        .thenApply(
                            a ->
                                number == 1
                                    ? new Attempt(a.result(), true, retryAfter) // Retry-After: 2
                                    : a),
                (wait, cancelled) -> {
                  waited.add(wait);
                  return CompletableFuture.completedFuture(true);
                })
            .join();

    assertEquals(3, result.attempts());
    assertEquals(retryAfter, waited.getFirst(), "Retry-After decides the first wait");
    assertEquals(told, waited);
  }

  @Test
  void aCallbackDownloadWaitsOnATimerAndStillRetries() throws Exception {
    Attempts attempts = new Attempts(2);

    // a wait long enough that the timer cannot fire before the loop has chained the retry to it
    // (with 1 ms it sometimes did, on a loaded machine, and the retry then ran on this thread)
    RetryPolicy timed =
        new RetryPolicy(1, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    Result result =
        new RetryLoop(timed, new CompletableFuture<>(), RetryLoop.Listener.NONE)
            .run(attempts::next, RetryLoop.TIMER)
            .get(10, TimeUnit.SECONDS);

    assertEquals(200, result.httpStatus());
    assertEquals(2, attempts.made.get());
    assertTrue(
        attempts.threads.get(1) != Thread.currentThread(), "the retry started from the timer");
  }

  @Test
  void aCancelledRunRetriesNothing() {
    Attempts attempts = new Attempts(3);
    Result result =
        new RetryLoop(FAST, CompletableFuture.completedFuture(null), RetryLoop.Listener.NONE)
            .run(attempts::next, RetryLoop.SLEEP)
            .join();

    assertEquals(1, attempts.made.get());
    assertEquals("try 1", result.error());
  }

  /**
   * Ctrl-C while a code waits to retry: the run's cancel ends the wait at once, for a blocking
   * download (waiting on its own thread) and a callback one (on a timer) alike; the wait is an
   * hour, so a loop that does not wake up never ends within the test's bound.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCancelDuringTheWaitToRetryEndsItAtOnceWithTheLastResult(boolean blocking) throws Exception {
    Attempts attempts = new Attempts(2);
    RetryPolicy hourly =
        new RetryPolicy(1, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    CountDownLatch waiting = new CountDownLatch(1);
    RetryLoop loop =
        new RetryLoop(hourly, cancelled, (failed, retry, retries, wait) -> waiting.countDown());

    CompletableFuture<Result> result =
        blocking
            ? CompletableFuture.supplyAsync(
                () -> loop.run(attempts::next, RetryLoop.SLEEP).join(),
                runnable -> Thread.ofPlatform().start(runnable))
            : loop.run(attempts::next, RetryLoop.TIMER);
    assertTrue(waiting.await(10, TimeUnit.SECONDS), "no retry was scheduled");
    cancelled.complete(null);

    assertEquals("try 1", result.get(10, TimeUnit.SECONDS).error());
    assertEquals(1, attempts.made.get(), "nothing retried after the cancel");
  }

  @Test
  void anInterruptDuringTheWaitEndsTheLoopWithTheLastResultAndKeepsTheFlag() {
    Attempts attempts = new Attempts(3);
    Thread.currentThread().interrupt(); // the sleep before the first retry throws at once
    try {
      Result result =
          new RetryLoop(FAST, new CompletableFuture<>(), RetryLoop.Listener.NONE)
              .run(attempts::next, RetryLoop.SLEEP)
              .join();

      assertEquals(1, attempts.made.get());
      assertEquals("try 1", result.error());
      assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag kept");
    } finally {
      Thread.interrupted();
    }
  }
}
