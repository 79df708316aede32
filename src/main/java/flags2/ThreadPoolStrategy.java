package flags2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A fixed pool of {@code limit} platform threads making blocking calls; results are consumed as
 * they complete through an {@link ExecutorCompletionService} (the book's {@code as_completed}).
 */
final class ThreadPoolStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Downloader downloader, int limit, Consumer<Result> sink)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(limit, Thread.ofPlatform().daemon().name("flags2-pool-", 1).factory());
    CompletionService<Result> completed = new ExecutorCompletionService<>(pool);
    try {
      for (String code : codes) {
        completed.submit(() -> downloader.fetch(code));
      }
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(resultOf(completed.take()));
      }
    } catch (InterruptedException e) {
      downloader.cancelAll();
      stop(pool); // workers delete their temp files
      List<Result> finished = new ArrayList<>();
      for (Future<Result> done; (done = completed.poll()) != null; ) {
        finished.add(resultOf(done));
      }
      Strategy.keepCompleted(finished, sink);
      throw e;
    } finally {
      stop(pool);
    }
  }

  /** Stops the pool and waits for its threads, at most a second; at once when already stopped. */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    HttpClients.awaitQuietly(pool, Duration.ofSeconds(1));
  }

  /** The result of a finished task; {@link Downloader#fetch} returns failures, never throws them. */
  private static Result resultOf(Future<Result> done) {
    try {
      return done.get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("Downloader.fetch never throws", e);
    }
  }
}
