package flags2.strategy;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A virtual thread per code making blocking calls, with a {@link Semaphore} of {@code limit}
 * permits bounding how many are in flight: each request takes a permit and gives it back when it
 * ends, so a code's two requests ({@code --country-names}) queue for one each, as the book's two
 * {@code async with semaphore} blocks do. Threads are cheap; the semaphore, not a pool size, is the
 * limit.
 */
final class VirtualStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException {
    Semaphore permits = new Semaphore(limit);
    BlockingQueue<Result> completed = new LinkedBlockingQueue<>();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    boolean interrupted = false;
    try {
      for (String code : codes) {
        threads.submit(() -> completed.add(fetcher.fetch(code, permits)));
      }
      for (int i = 0; i < codes.size(); i++) {
        sink.accept(completed.take());
      }
    } catch (InterruptedException e) {
      interrupted = true;
      throw e;
    } finally {
      threads.shutdownNow();
      Shutdown.await(threads); // after a cancel, threads delete their temporary files
      if (interrupted) {
        completed.forEach(sink);
      }
    }
  }
}
