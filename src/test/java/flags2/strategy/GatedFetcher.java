package flags2.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * A fake {@link Fetcher} whose downloads block until the test answers them: {@link #answer} gives
 * one code its result, {@link #cancelAll} plays the run's cancel (every code not answered yet, and
 * every code asked later, ends with the cancellation's failure). It records what a strategy must
 * never do to stop: interrupt a blocked fetch (the fetch records it and keeps waiting, then returns
 * with the flag set again) or cancel a future it handed out.
 */
final class GatedFetcher implements Fetcher {
  /** Opens when {@code started} downloads have been asked for. */
  final CountDownLatch started;

  /** Codes whose blocking fetch was interrupted while it waited. */
  final Set<String> interrupted = ConcurrentHashMap.newKeySet();

  /** The thread of each blocking fetch, by code. */
  final Map<String, Thread> threads = new ConcurrentHashMap<>();

  private final Map<String, CompletableFuture<Result>> answers = new ConcurrentHashMap<>();
  private boolean cancelled;

  GatedFetcher(int started) {
    this.started = new CountDownLatch(started);
  }

  /** The cancellation's own echo, as the real fetcher reports a cancelled call. */
  static Result canceled(String code) {
    return Result.error(code, 0, 0, "Canceled");
  }

  private synchronized CompletableFuture<Result> future(String code) {
    CompletableFuture<Result> future =
        answers.computeIfAbsent(code, c -> new CompletableFuture<>());
    if (cancelled) {
      future.complete(canceled(code));
    }
    return future;
  }

  /** Ends {@code code}'s download with {@code result}. */
  void answer(String code, Result result) {
    future(code).complete(result);
  }

  /** The run's cancel: every download not answered yet fails, now or when it is asked for. */
  synchronized void cancelAll() {
    cancelled = true;
    answers.forEach((code, future) -> future.complete(canceled(code)));
  }

  /** Codes whose future was cancelled by the strategy. */
  List<String> cancelledFutures() {
    List<String> codes = new ArrayList<>();
    answers.forEach(
        (code, future) -> {
          if (future.isCancelled()) {
            codes.add(code);
          }
        });
    return codes;
  }

  @Override
  public Result fetch(String code) {
    threads.put(code, Thread.currentThread());
    CompletableFuture<Result> answer = future(code);
    started.countDown();
    boolean wasInterrupted = false;
    try {
      while (true) {
        try {
          return answer.get();
        } catch (InterruptedException e) {
          wasInterrupted = true;
          interrupted.add(code);
        } catch (ExecutionException e) {
          throw new IllegalStateException(e);
        }
      }
    } finally {
      if (wasInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public CompletableFuture<Result> fetchAsync(String code) {
    CompletableFuture<Result> answer = future(code);
    started.countDown();
    return answer;
  }
}
