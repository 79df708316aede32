package flags2;

import java.util.List;
import java.util.function.Consumer;

/**
 * A way of scheduling downloads. Implementations differ only in scheduling: the request itself is
 * {@link Downloader}'s, and results are tallied by one consumer.
 */
public interface Strategy {

  /**
   * Downloads every code with never more than {@code limit} requests in flight, and hands each
   * result to {@code sink} on the calling thread as it completes, exactly once per code.
   *
   * @throws InterruptedException when the calling thread is interrupted (Ctrl-C): calls in flight
   *     are cancelled and their workers awaited briefly, then the results that arrived meanwhile
   *     are still handed to {@code sink}, which decides what counts
   */
  void run(List<String> codes, Downloader downloader, int limit, Consumer<Result> sink)
      throws InterruptedException;
}
