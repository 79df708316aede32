package flags2;

import java.util.List;
import java.util.function.Consumer;

/** One request at a time, in sorted order: the baseline the other strategies are measured against. */
final class SequentialStrategy implements Strategy {

  @Override
  public void run(List<String> codes, Downloader downloader, int limit, Consumer<Result> sink)
      throws InterruptedException {
    for (String code : codes) {
      Result result = downloader.fetch(code);
      if (Thread.interrupted()) {
        sink.accept(result);
        throw new InterruptedException();
      }
      sink.accept(result);
    }
  }
}
