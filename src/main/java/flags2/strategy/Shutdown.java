package flags2.strategy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a stopping run waits, and how: the one place that says how long Ctrl-C takes. After the
 * run has cancelled its calls, a strategy waits at most {@link #GRACE} for its workers or callbacks
 * (they delete their temporary files and may still hand back an image that was saved meanwhile);
 * what is still running then is abandoned, never waited for again.
 */
public final class Shutdown {
  /**
   * How long a stopping run waits for its workers, and then for its HTTP client's threads: twice
   * this, plus the report, stays inside the 2 s that Ctrl-C promises.
   */
  static final Duration GRACE = Duration.ofMillis(700);

  private Shutdown() {}

  /** Waits for {@code executor} to finish, at most {@link #GRACE}; keeps the interrupt flag. */
  public static void await(ExecutorService executor) {
    try {
      executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until every thread in {@code threads} has exited (not merely gone idle), at most {@link
   * #GRACE} in all; keeps the interrupt flag.
   */
  static void join(List<Thread> threads) {
    long deadline = System.nanoTime() + GRACE.toNanos();
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits at most {@link #GRACE} for every future to complete, then cancels those still open (which
   * cancels their calls).
   */
  static void awaitOrCancel(List<? extends CompletableFuture<?>> futures) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException stillOpen) {
      futures.forEach(future -> future.cancel(true));
    }
  }
}
