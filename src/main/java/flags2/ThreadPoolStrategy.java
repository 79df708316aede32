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
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * A fixed pool of {@code limit} platform threads making blocking calls; results are consumed as
 * they complete through an {@link ExecutorCompletionService} (the book's {@code as_completed}).
 */
final class ThreadPoolStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Downloader downloader, int limit, Consumer<Result> sink)
      throws InterruptedException {
    List<Thread> workers = new ArrayList<>(limit);
    ThreadFactory factory = Thread.ofPlatform().daemon().name("flags2-pool-", 1).factory();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            limit,
            task -> {
              Thread worker = factory.newThread(task);
              workers.add(worker); // only the submitting thread creates workers
              return worker;
            });
    CompletionService<Result> completed = new ExecutorCompletionService<>(pool);
    boolean interrupted = false;
    try {
      for (String code : codes) {
        completed.submit(() -> downloader.fetch(code));
      }
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(resultOf(completed.take()));
      }
    } catch (InterruptedException e) {
      interrupted = true;
      downloader.cancelAll();
      throw e;
    } finally {
      stop(pool, workers); // after a cancel, workers delete their temp files first
      if (interrupted) {
        for (Future<Result> done; (done = completed.poll()) != null; ) {
          sink.accept(resultOf(done));
        }
      }
    }
  }

  /**
   * Stops the pool and waits, at most {@link HttpClients#GRACE} in all, until its threads have
   * exited (not merely left the pool), so none outlives the run.
   */
  private static void stop(ExecutorService pool, List<Thread> workers) {
    pool.shutdownNow();
    long deadline = System.nanoTime() + HttpClients.GRACE.toNanos();
    try {
      for (Thread worker : workers) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !worker.join(Duration.ofNanos(left))) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
