package flags2.strategy;

import java.util.List;
import java.util.function.Consumer;

/**
 * One request at a time, in sorted order, on the calling thread: the baseline the other strategies
 * are measured against.
 */
final class SequentialStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Fetcher fetcher, int limit, Consumer<Result> sink)
      throws InterruptedException {
    for (String code : codes) {
      Result result = fetcher.fetch(code);
      sink.accept(result);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
