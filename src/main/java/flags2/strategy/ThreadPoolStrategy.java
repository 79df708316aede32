package flags2.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * A fixed pool of {@code limit} platform threads making blocking calls; results are consumed as
 * they complete (the book's {@code as_completed}). When it returns, its threads have exited, not
 * merely gone idle (within the {@link Shutdown}'s grace). Stopping it never interrupts a worker:
 * once the run has cancelled, the codes still queued fail at once, unsent.
 */
final class ThreadPoolStrategy implements Strategy {
  private final Shutdown shutdown;

  ThreadPoolStrategy(Shutdown shutdown) {
    this.shutdown = shutdown;
  }

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
    Handover handover = new Handover();
    try {
      for (String code : codes) {
        pool.execute(() -> handover.fetch(code, () -> fetcher.fetch(code)));
      }
    } finally {
      pool.shutdown(); // takes no more; runs what is queued
    }
    // after a cancel, workers delete their temporary files before they exit
    handover.deliver(codes.size(), sink, () -> shutdown.join(workers));
  }
}
