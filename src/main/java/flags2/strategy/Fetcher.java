package flags2.strategy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * What a strategy needs of a download: one code fetched, retries included, as a blocking call or as
 * a future. Neither form throws for a failed download: failures come back as {@link Status#ERROR}
 * results, so a strategy only schedules. Tests hand strategies a fake.
 */
public interface Fetcher {

  /**
   * Downloads {@code code} on the calling thread. If the thread is interrupted while waiting to
   * retry, returns the last attempt's result with the interrupt flag still set.
   */
  Result fetch(String code);

  /**
   * As {@link #fetch(String)}, with each HTTP request holding a permit of {@code permits} while it
   * runs: none is held between the requests of a code or while waiting to retry, so {@code permits}
   * bounds requests in flight, not codes. If the thread is interrupted while waiting for a permit,
   * returns an error result with the interrupt flag set. This default holds one permit for the
   * whole download, which is the same for a fetcher that makes one request at a time and never
   * retries.
   */
  default Result fetch(String code, Semaphore permits) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.error(code, 0, 0, "Canceled");
    }
    try {
      return fetch(code);
    } finally {
      permits.release();
    }
  }

  /**
   * Downloads {@code code} with calls the HTTP client runs on its own threads. The future always
   * completes with a result, never exceptionally. Strategies never cancel it: the run cancels the
   * calls themselves, and the future then completes with the cancellation's failure.
   */
  CompletableFuture<Result> fetchAsync(String code);
}
