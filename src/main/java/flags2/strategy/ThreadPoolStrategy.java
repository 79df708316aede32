package flags2.strategy;

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
 * When it returns, its threads have exited, not merely gone idle (within {@link Shutdown#GRACE}).
 */
final class ThreadPoolStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
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
        completed.submit(() -> fetcher.fetch(code));
      }
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(resultOf(completed.take()));
      }
    } catch (InterruptedException e) {
      interrupted = true;
      throw e;
    } finally {
      pool.shutdownNow();
      Shutdown.join(workers); // after a cancel, workers delete their temporary files first
      if (interrupted) {
        for (Future<Result> done; (done = completed.poll()) != null; ) {
          sink.accept(resultOf(done));
        }
      }
    }
  }

  /** The result of a finished task; {@link Fetcher#fetch} returns failures, never throws them. */
  private static Result resultOf(Future<Result> done) {
    try {
      return done.get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("Fetcher.fetch never throws", e);
    }
  }
}
