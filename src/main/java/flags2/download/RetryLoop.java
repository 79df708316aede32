package flags2.download;

import flags2.strategy.Result;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one retry loop, for blocking and callback downloads alike: try, ask the {@link RetryPolicy},
 * wait, try again, until an attempt is final or the run is cancelled. The two forms differ only in
 * how an attempt runs and how a wait passes ({@link Pause}): a blocking download runs every step on
 * its own thread, so the returned future is already complete; a callback download runs each attempt
 * on the HTTP client's threads and waits on a timer, holding no thread and no Dispatcher slot
 * meanwhile.
 */
final class RetryLoop {

  /** How the wait between two attempts passes; completes with false to stop retrying. */
  interface Pause {
    CompletableFuture<Boolean> after(Duration wait);
  }

  /** Sleeps on the calling thread; an interrupt stops the retries and keeps the interrupt flag. */
  static final Pause SLEEP =
      wait -> {
        try {
          Thread.sleep(wait);
          return CompletableFuture.completedFuture(true);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return CompletableFuture.completedFuture(false);
        }
      };

  /** Holds no thread: the next attempt starts from a timer. */
  static final Pause TIMER =
      wait ->
          CompletableFuture.supplyAsync(
              () -> true,
              CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));

  private final RetryPolicy policy;
  private final BooleanSupplier cancelled;

  /** {@code cancelled} tells whether the run was cancelled: then no attempt is retried. */
  RetryLoop(RetryPolicy policy, BooleanSupplier cancelled) {
    this.policy = policy;
    this.cancelled = cancelled;
  }

  /**
   * Runs {@code attempt} until the policy says an outcome is final and completes with its result.
   * {@code attempt} must not throw and its future must not fail.
   */
  CompletableFuture<Result> run(Supplier<CompletableFuture<Attempt>> attempt, Pause pause) {
    return from(0, attempt, pause);
  }

  private CompletableFuture<Result> from(
      int number, Supplier<CompletableFuture<Attempt>> attempt, Pause pause) {
    return attempt
        .get()
        .thenCompose(
            outcome -> {
              Optional<Duration> wait =
                  cancelled.getAsBoolean() ? Optional.empty() : policy.next(number, outcome);
              if (wait.isEmpty()) {
                return CompletableFuture.completedFuture(outcome.result());
              }
              return pause
                  .after(wait.get())
                  .thenCompose(
                      goOn ->
                          goOn
                              ? from(number + 1, attempt, pause)
                              : CompletableFuture.completedFuture(outcome.result()));
            });
  }
}
