package flags2.download;

import flags2.strategy.Result;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * The one retry loop, for blocking and callback downloads alike: try, ask the {@link RetryPolicy},
 * wait, try again, until an attempt is final or the run is cancelled. The two forms differ only in
 * how an attempt runs and how a wait passes ({@link Pause}): a blocking download runs every step on
 * its own thread, so the returned future is already complete; a callback download runs each attempt
 * on the HTTP client's threads and waits on a timer, holding no thread and no Dispatcher slot
 * meanwhile. A cancel ends a wait at once and stops the retries: the loop is where the run's cancel
 * reaches a code between two attempts.
 */
final class RetryLoop {

  /**
   * How the wait between two attempts passes; completes with false to stop retrying, at once when
   * {@code cancelled} completes.
   */
  interface Pause {
    CompletableFuture<Boolean> after(Duration wait, CompletableFuture<?> cancelled);
  }

  /**
   * Waits on the calling thread; a cancel or an interrupt stops the retries, and an interrupt keeps
   * the interrupt flag.
   */
  static final Pause SLEEP =
      (wait, cancelled) -> {
        try {
          cancelled.get(wait.toNanos(), TimeUnit.NANOSECONDS);
          return CompletableFuture.completedFuture(false);
        } catch (TimeoutException waited) {
          return CompletableFuture.completedFuture(true);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return CompletableFuture.completedFuture(false);
        } catch (ExecutionException e) {
          return CompletableFuture.completedFuture(false);
        }
      };

  /** Holds no thread: the next attempt starts from a timer, unless a cancel comes first. */
  static final Pause TIMER =
      (wait, cancelled) ->
          CompletableFuture.supplyAsync(
                  () -> true,
                  CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS))
              .applyToEither(cancelled.handle((done, failed) -> false), goOn -> goOn);

  /**
   * Told of every retry before its wait, on whichever thread the failed attempt ended: {@code
   * failed} is that attempt's result, {@code retry} counts from 1 to {@code retries}.
   */
  public interface Listener {
    void retrying(Result failed, int retry, int retries, Duration wait);

    Listener NONE = (failed, retry, retries, wait) -> {};
  }

  private final RetryPolicy policy;
  private final CompletableFuture<?> cancelled;
  private final Listener listener;

  /**
   * {@code cancelled} completes when the run is cancelled: from then on no attempt is retried and
   * no wait goes on; {@code listener} hears of each retry.
   */
  RetryLoop(RetryPolicy policy, CompletableFuture<?> cancelled, Listener listener) {
    this.policy = policy;
    this.cancelled = cancelled;
    this.listener = listener;
  }

  /**
   * Runs {@code attempt} (given its number, from 1) until the policy says an outcome is final and
   * completes with its result, which counts the attempts made. {@code attempt} must not throw and
   * its future must not fail.
   */
  CompletableFuture<Result> run(IntFunction<CompletableFuture<Attempt>> attempt, Pause pause) {
    return from(1, attempt, pause);
  }

  private CompletableFuture<Result> from(
      int number, IntFunction<CompletableFuture<Attempt>> attempt, Pause pause) {
    return attempt
        .apply(number)
        .thenCompose(
            outcome -> {
              Result result = outcome.result().withAttempts(number);
              Optional<Duration> wait =
                  cancelled.isDone() ? Optional.empty() : policy.next(number - 1, outcome);
              if (wait.isEmpty()) {
                return CompletableFuture.completedFuture(result);
              }
              listener.retrying(result, number, policy.retries(), wait.get());
              return pause
                  .after(wait.get(), cancelled)
                  .thenCompose(
                      goOn ->
                          goOn
                              ? from(number + 1, attempt, pause)
                              : CompletableFuture.completedFuture(result));
            });
  }
}
