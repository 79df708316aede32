package flags2.strategy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a concurrent strategy's workers leave their results and the calling thread takes them, in
 * the order they arrive: the one hand-over, for a run that ends and for one that is interrupted
 * alike. After an interrupt it waits for the workers (as the strategy's {@link Shutdown} says) and
 * then hands over what arrived meanwhile, so an image saved while the run was stopping is counted.
 * A worker whose fetch fails anyway (a bug) still leaves a result, an error, so no run hangs on it.
 */
final class Handover {
  private final BlockingQueue<Result> arrived = new LinkedBlockingQueue<>();

  /**
   * Runs a blocking fetch of {@code code} and leaves its result; any thread. A fetch that throws or
   * returns nothing (a bug: a fetcher returns its failures as results) leaves an error for its code
   * instead, so the run never waits for a result that cannot come.
   */
  void fetch(String code, Supplier<Result> fetch) {
    try {
      add(code, fetch.get(), null);
    } catch (RuntimeException | Error e) {
      add(code, null, e);
    }
  }

  /** Leaves the result of a future's {@code code}, or an error for it, as {@link #fetch} does. */
  void add(String code, Result result, Throwable failure) {
    arrived.add(
        result != null
            ? result
            : Result.error(
                code, 0, 0, "internal error: " + (failure == null ? "no result" : failure)));
  }

  /**
   * Hands {@code expected} results to {@code sink} on the calling thread as they arrive, then runs
   * {@code stop} (the strategy stops its workers and waits for them). If the thread is interrupted
   * first: runs {@code stop}, hands every result that arrived until then to {@code sink}, and
   * rethrows. {@code stop} runs once either way, also when {@code sink} throws.
   */
  void deliver(int expected, Consumer<Result> sink, Runnable stop) throws InterruptedException {
    InterruptedException interrupted = null;
    try {
      for (int i = 0; i < expected; i++) {
        sink.accept(arrived.take());
      }
    } catch (InterruptedException e) {
      interrupted = e;
    } finally {
      stop.run();
    }
    if (interrupted != null) {
      for (Result late; (late = arrived.poll()) != null; ) {
        sink.accept(late);
      }
      throw interrupted;
    }
  }
}
