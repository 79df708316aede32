package flags2.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A {@link CompletableFuture} per code, all started at once, with no thread of its own per request:
 * the HTTP client's Dispatcher runs the calls, and admits {@code limit} at a time (the run builds
 * the client for that limit; OkHttp's defaults of 64 and 5 per host would silently cap it). Results
 * are consumed as the futures complete.
 */
final class AsyncStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException {
    BlockingQueue<Result> completed = new LinkedBlockingQueue<>();
    List<CompletableFuture<Result>> futures = new ArrayList<>(codes.size());
    for (String code : codes) {
      CompletableFuture<Result> future = fetcher.fetchAsync(code);
      future.thenAccept(completed::add);
      futures.add(future);
    }
    try {
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(completed.take());
      }
    } catch (InterruptedException e) {
      // The calls are cancelled, not the futures: every callback still completes its future, so an
      // image saved meanwhile is counted. Futures still open after the grace period are cancelled.
      Shutdown.awaitOrCancel(futures);
      completed.forEach(sink);
      throw e;
    }
  }
}
