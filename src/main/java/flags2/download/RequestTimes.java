package flags2.download;

import flags2.strategy.Result;
import flags2.strategy.Status;
import flags2.timeline.Fetch;
import flags2.timeline.Outcome;
import flags2.timeline.Recorder;
import flags2.timeline.Request;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Interceptor;

/**
 * {@code --timeline}'s hook on each request: a tag, set only when recording, that the client's
 * first interceptor stamps when OkHttp starts running the call. That start, not the moment of
 * {@code enqueue}, is the request's: the async strategy queues every code at once and the
 * Dispatcher admits m at a time. A call cancelled before it ran is never stamped, so it is not
 * recorded: it sent nothing.
 */
final class RequestTimes {
  /** Stamps the tag of a call when it starts running; does nothing for an untagged call. */
  static final Interceptor STAMP =
      chain -> {
        Started started = chain.request().tag(Started.class);
        if (started != null && !chain.call().isCanceled()) {
          started.stamp();
        }
        return chain.proceed(chain.request());
      };

  /** The start of one call on the run's clock, stamped once (a redirect to https passes twice). */
  static final class Started {
    private final LongSupplier clock;
    private volatile boolean stamped;
    private volatile long nanos;

    private Started(LongSupplier clock) {
      this.clock = clock;
    }

    private void stamp() {
      if (!stamped) {
        nanos = clock.getAsLong();
        stamped = true;
      }
    }
  }

  private final Recorder recorder;
  private final LongSupplier clock;
  private final BooleanSupplier cancelled;

  /** {@code cancelled} tells whether the run was cancelled: a failure then counts as cancelled. */
  RequestTimes(Recorder recorder, LongSupplier clock, BooleanSupplier cancelled) {
    this.recorder = recorder;
    this.clock = clock;
    this.cancelled = cancelled;
  }

  /** The tag for a new request, or null when nothing is recorded. */
  Started tag() {
    return recorder.isOn() ? new Started(clock) : null;
  }

  /**
   * Records the request of {@code call}, which ended now with {@code attempt}, if it was stamped;
   * returns {@code attempt}. Must run before the call's Dispatcher slot is freed (in its callback),
   * or the in-flight count would overlap the next call's.
   */
  Attempt ended(Call call, Fetch fetch, int number, Attempt attempt) {
    Started started = call.request().tag(Started.class);
    if (started == null || !started.stamped) {
      return attempt;
    }
    Result result = attempt.result();
    Outcome outcome =
        switch (result.status()) {
          case OK -> Outcome.OK;
          case NOT_FOUND -> Outcome.NOT_FOUND;
          case ERROR -> cancelled.getAsBoolean() ? Outcome.CANCELLED : Outcome.ERROR;
        };
    recorder.record(
        new Request(
            result.code(),
            fetch,
            number,
            started.nanos,
            clock.getAsLong(),
            outcome,
            result.httpStatus(),
            result.status() == Status.OK ? result.bytes() : 0));
    return attempt;
  }
}
