package flags2.strategy;

import java.util.List;
import java.util.function.Consumer;

/**
 * A way of scheduling downloads. Implementations differ only in scheduling: the request itself is
 * the {@link Fetcher}'s, and results are tallied by one consumer.
 */
public interface Strategy {

  /**
   * Downloads every code with never more than {@code limit} requests in flight, and hands each
   * result to {@code sink} on the calling thread as it completes, exactly once per code.
   *
   * @throws InterruptedException when the calling thread is interrupted. The run interrupts it only
   *     after cancelling every call (its one cancellation path), so a strategy never cancels,
   *     interrupts a worker or cancels a future: it waits for its workers as its {@link Shutdown}
   *     says, hands the results that arrived meanwhile to {@code sink}, which decides what counts,
   *     and rethrows. What is still running after the grace period is abandoned
   */
  void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException;
}
