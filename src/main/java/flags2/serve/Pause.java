package flags2.serve;

import java.time.Duration;

/**
 * How a server waits out a response's delay. The servers sleep; a test injects a pause that holds
 * every response until it has seen as many requests as it expects, to show they were all in flight
 * together without depending on how long anything takes.
 */
@FunctionalInterface
interface Pause {
  /**
   * Waits until {@code delay} after {@code arrival} (a {@link System#nanoTime()} value).
   *
   * @return false when interrupted: the server is stopping and the response is dropped
   */
  boolean until(long arrival, Duration delay);

  /** Sleeps for what is left of the delay. */
  Pause SLEEP =
      (arrival, delay) -> {
        long remaining = arrival + delay.toNanos() - System.nanoTime();
        if (remaining <= 0) {
          return true;
        }
        try {
          Thread.sleep(Duration.ofNanos(remaining));
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      };
}
