package flags2.strategy;

import java.util.concurrent.CompletableFuture;

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
   * Downloads {@code code} with calls the HTTP client runs on its own threads. The future always
   * completes with a result, never exceptionally; cancelling it cancels the call in flight and any
   * retry still to come.
   */
  CompletableFuture<Result> fetchAsync(String code);
}
