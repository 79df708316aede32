package flags2.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link CompletableFuture} per code, all started at once, with no thread of its own per request:
 * the HTTP client's Dispatcher runs the calls, and admits {@code limit} at a time (the run builds
 * the client for that limit; OkHttp's defaults of 64 and 5 per host would silently cap it). Results
 * are consumed as the futures complete. Stopping it never cancels a future: the run cancels the
 * calls, and every callback still completes its future, so an image saved meanwhile is counted.
 */
final class AsyncStrategy implements Strategy {
  private final Shutdown shutdown;

  AsyncStrategy(Shutdown shutdown) {
    this.shutdown = shutdown;
  }

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException {
    Handover handover = new Handover();
    List<CompletableFuture<Result>> futures = new ArrayList<>(codes.size());
    for (String code : codes) {
      CompletableFuture<Result> future = fetcher.fetchAsync(code);
      future.whenComplete((result, failure) -> handover.add(code, result, failure));
      futures.add(future);
    }
    handover.deliver(codes.size(), sink, () -> shutdown.await(futures));
  }
}
