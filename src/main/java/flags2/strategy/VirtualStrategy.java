package flags2.strategy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A virtual thread per code making blocking calls, with a {@link Semaphore} of {@code limit}
 * permits bounding how many are in flight: each request takes a permit and gives it back when it
 * ends, so a code's two requests ({@code --country-names}) queue for one each, as the book's two
 * {@code async with semaphore} blocks do. Threads are cheap; the semaphore, not a pool size, is the
 * limit. Stopping it never interrupts a thread: once the run has cancelled, every request still to
 * come fails at once, unsent.
 */
final class VirtualStrategy implements Strategy {
  private final Shutdown shutdown;

  VirtualStrategy(Shutdown shutdown) {
    this.shutdown = shutdown;
  }

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException {
    Semaphore permits = new Semaphore(limit);
    Handover handover = new Handover();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      for (String code : codes) {
        threads.execute(() -> handover.fetch(code, () -> fetcher.fetch(code, permits)));
      }
    } finally {
      threads.shutdown(); // takes no more
    }
    // after a cancel, threads delete their temporary files
    handover.deliver(codes.size(), sink, () -> shutdown.await(threads));
  }
}
