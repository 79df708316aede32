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
 * run has cancelled its calls, a strategy waits at most {@link #grace()} for its workers or
 * callbacks (they delete their temporary files and may still hand back an image that was saved
 * meanwhile); what is still running then is abandoned, never waited for again, and never cancelled
 * here: cancelling is the run's job alone. Tests inject a grace of their own, long so that a
 * verdict never depends on how fast a worker finishes, or zero to see what is abandoned.
 */
public final class Shutdown {
  /**
   * What a real run waits for its workers, and then for its HTTP client's threads: twice this, plus
   * the report, stays inside the 2 s that Ctrl-C promises.
   */
  public static final Shutdown STANDARD = new Shutdown(Duration.ofMillis(700));

  private final Duration grace;

  public Shutdown(Duration grace) {
    this.grace = grace;
  }

  /** The longest a stopping run waits for its workers, each time it waits. */
  public Duration grace() {
    return grace;
  }

  /** Waits for {@code executor} to finish, at most the grace; keeps the interrupt flag. */
  public void await(ExecutorService executor) {
    try {
      executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until every thread in {@code threads} has exited (not merely gone idle), at most the
   * grace in all; keeps the interrupt flag.
   */
  void join(List<Thread> threads) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      for (Thread thread : threads) {
        // a duration of zero or less does not wait
        if (!thread.join(Duration.ofNanos(deadline - System.nanoTime()))) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits at most the grace for every future to complete; those still open are left as they are.
   * Keeps the interrupt flag.
   */
  void await(List<? extends CompletableFuture<?>> futures) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException abandoned) {
      // a fetcher's future never fails; one still open after the grace is abandoned
    }
  }
}
