package flags2;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    try {
      CompletionService<Result> completed = new ExecutorCompletionService<>(pool);
      for (String code : codes) {
        completed.submit(() -> downloader.fetch(code));
      }
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(completed.take().get());
      }
    } catch (InterruptedException e) {
      downloader.cancelAll();
      pool.shutdownNow();
      HttpClients.awaitQuietly(pool, Duration.ofSeconds(1)); // workers delete their temp files
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Downloader.fetch never throws", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
