package flags2.report;

import flags2.common.Site;
import flags2.strategy.Result;
import java.time.Duration;
import java.util.List;

/**
 * What a run tells its user: the book's human report ({@link TextReport}) or one JSON object
 * ({@link JsonReport}). Fed from the one consumer thread (all but {@link #retrying}); it owns the
 * {@link StatusCounter}.
 */
public interface Report extends AutoCloseable {

  /** Before the first request. */
  void initial(Site.Target target, List<String> codes, int concurrency);

  /** Right after {@link #initial}: when the downloads start, on the run's clock. */
  default void started(long startNanos) {}

  /**
   * Shows that a code will be tried again after {@code wait}; may be called from any thread, so it
   * only prints and never touches the counter.
   */
  void retrying(Result failed, int retry, int retries, Duration wait);

  /** Tallies one result and shows it as the report does. */
  void accept(Result result);

  /** After the last result; {@code notAttempted} is above zero only for an interrupted run. */
  void finish(Duration elapsed, int notAttempted, ExitStatus status);

  StatusCounter counter();

  @Override
  void close();
}
