package flags2.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Fetcher}'s own permit wait, for a fetcher that makes one request at a time and never
 * retries (the fakes the strategy tests use; the HTTP fetcher holds a permit per request instead).
 */
class FetcherTest {
  /**
   * A code whose fetcher makes one request at a time (the fakes here) waits for a permit before it
   * fetches, and gives it back after: with none free, nothing is fetched until one is.
   */
  @Test
  void aCodeWithNoPermitFreeWaitsForOneBeforeItFetches() throws Exception {
    Semaphore permits = new Semaphore(0);
    List<String> fetched = new CopyOnWriteArrayList<>();
    Fetcher fetcher =
        new Fetcher() {
          @Override
          public Result fetch(String code) {
            fetched.add(code);
            return Result.ok(code, 200, 10, 1);
          }

          @Override
          public CompletableFuture<Result> fetchAsync(String code) {
            throw new AssertionError("not asked");
          }
        };
    CompletableFuture<Result> result = new CompletableFuture<>();
    Thread code = Thread.ofPlatform().start(() -> result.complete(fetcher.fetch("BR", permits)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (code.getState() != Thread.State.WAITING && code.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "neither waited nor ended within 20 s");
      Thread.onSpinWait();
    }
    assertEquals(List.of(), fetched, "fetched with no permit free");

    permits.release();

    assertEquals(Result.ok("BR", 200, 10, 1), result.get(20, TimeUnit.SECONDS));
    assertEquals(1, permits.availablePermits(), "the permit given back");
  }
}
