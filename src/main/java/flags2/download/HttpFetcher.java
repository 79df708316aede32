package flags2.download;

import flags2.strategy.Fetcher;
import flags2.strategy.Result;
import flags2.timeline.Fetch;
import flags2.timeline.Recorder;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches {@code {base}/{cc}/{cc}.gif} with OkHttp and classifies what comes back: 200 saved by the
 * {@link ImageStore}, 404 not found, anything else an error worded by {@link Failures}; retried
 * through the one {@link RetryLoop}. {@link #cancelAll} is the run's one way to stop every call.
 */
final class HttpFetcher implements Fetcher {
  private final OkHttpClient client;
  private final HttpUrl base;
  private final ImageStore store;
  private final Duration timeout;
  private final RetryLoop retries;
  private final LongSupplier nanoTime;
  private final RequestTimes times;

  /**
   * Set by {@link #cancelAll}: OkHttp also cancels a call on its call timeout, which is retryable.
   */
  private volatile boolean cancelled;

  /**
   * Calls not yet finished, including blocking ones whose body is being read: OkHttp's Dispatcher
   * forgets a blocking call once its headers have arrived, so cancelling through it alone would
   * leave a slow body to run until its timeout.
   */
  private final Set<Call> live = ConcurrentHashMap.newKeySet();

  /**
   * {@code nanoTime} is the run's clock, for each result's start and duration; {@code retrying}
   * hears of every retry; {@code recorder} is told of every request that ran.
   */
  HttpFetcher(
      OkHttpClient client,
      HttpUrl base,
      DownloadOptions options,
      LongSupplier nanoTime,
      RetryLoop.Listener retrying,
      Recorder recorder) {
    this.client = client;
    this.base = base;
    this.store = new ImageStore(options.dest(), options.maxSize(), () -> cancelled);
    this.timeout = options.timeout();
    this.retries = new RetryLoop(RetryPolicy.of(options.retries()), () -> cancelled, retrying);
    this.nanoTime = nanoTime;
    this.times = new RequestTimes(recorder, nanoTime, () -> cancelled);
  }

  @Override
  public Result fetch(String code) {
    long start = nanoTime.getAsLong();
    return retries
        .run(
            number -> CompletableFuture.completedFuture(execute(code, number, start)),
            RetryLoop.SLEEP)
        .join() // complete already: every step ran on this thread
        .withStart(start);
  }

  @Override
  public CompletableFuture<Result> fetchAsync(String code) {
    long start = nanoTime.getAsLong();
    InFlight inFlight = new InFlight();
    CompletableFuture<Result> result =
        retries
            .run(number -> enqueue(code, number, start, inFlight), RetryLoop.TIMER)
            .thenApply(done -> done.withStart(start));
    result.whenComplete(
        (done, failure) -> {
          if (result.isCancelled()) {
            inFlight.cancel();
          }
        });
    return result;
  }

  /**
   * Cancels every call of this fetcher that is queued or running, body reads included, and every
   * retry still to come; a body still being written is not saved. Failures from then on are its
   * doing ({@link #cancelled}). Safe to call more than once.
   */
  void cancelAll() {
    cancelled = true;
    client.dispatcher().cancelAll();
    live.forEach(Call::cancel);
  }

  /** Whether {@link #cancelAll} was called. */
  boolean cancelled() {
    return cancelled;
  }

  /** Deletes the temporary files of saves still in progress; see {@link ImageStore}. */
  void removePartialFiles() {
    store.removePartialFiles();
  }

  /**
   * A new, unstarted call for {@code {base}/{cc}/{cc}.gif}, counted as live until {@link #done};
   * one made after {@link #cancelAll} is cancelled already. A call is either live in time for
   * {@code cancelAll} to cancel it or sees its flag here: none slips through the gap.
   */
  private Call newCall(String code, int attempt) {
    String cc = code.toLowerCase(Locale.ROOT);
    HttpUrl url = base.newBuilder().addPathSegment(cc).addPathSegment(cc + ".gif").build();
    Call call =
        client.newCall(
            new Request.Builder()
                .url(url)
                .tag(HttpClients.Redirects.class, new HttpClients.Redirects())
                .tag(HttpClients.AttemptNumber.class, new HttpClients.AttemptNumber(attempt))
                .tag(RequestTimes.Started.class, times.tag())
                .build());
    live.add(call);
    if (cancelled) {
      call.cancel();
    }
    return call;
  }

  private void done(Call call) {
    live.remove(call);
  }

  /** One blocking try. */
  private Attempt execute(String code, int number, long start) {
    Call call = newCall(code, number);
    return times.ended(call, Fetch.IMAGE, number, execute(call, code, start));
  }

  private Attempt execute(Call call, String code, long start) {
    try (Response response = call.execute()) {
      return outcome(code, response, start);
    } catch (IOException e) {
      return failure(code, e, start);
    } catch (RuntimeException e) {
      return unexpected(code, e, start);
    } finally {
      done(call);
    }
  }

  /** One try on the client's threads; the future completes when its callback has run. */
  private CompletableFuture<Attempt> enqueue(
      String code, int number, long start, InFlight inFlight) {
    CompletableFuture<Attempt> attempt = new CompletableFuture<>();
    Call call = newCall(code, number);
    if (!inFlight.start(call)) {
      done(call);
      attempt.complete(Attempt.done(Result.error(code, 0, millisSince(start), "Canceled")));
      return attempt;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            done(call);
            attempt.complete(times.ended(call, Fetch.IMAGE, number, failure(code, e, start)));
          }

          @Override
          public void onResponse(Call call, Response response) {
            // reads and saves the whole body before returning, so the Dispatcher's count of
            // running calls is honest
            Attempt outcome;
            try (response) {
              outcome = outcome(code, response, start);
            } catch (RuntimeException e) {
              outcome = unexpected(code, e, start);
            } finally {
              done(call);
            }
            attempt.complete(times.ended(call, Fetch.IMAGE, number, outcome));
          }
        });
    return attempt;
  }

  /**
   * Classifies a response and, for a 200, reads and saves the whole body before returning, so the
   * caller may close the response at once.
   */
  private Attempt outcome(String code, Response response, long start) {
    int status = response.code();
    if (status == 404) {
      return Attempt.done(Result.notFound(code, millisSince(start)));
    }
    if (status != 200) {
      boolean retryable = status == 429 || status >= 500;
      Result result =
          Result.error(
              code, status, millisSince(start), Failures.httpError(status, response.message()));
      return new Attempt(
          result,
          retryable,
          retryable ? RetryPolicy.retryAfter(response.header("Retry-After")) : null);
    }
    try {
      long bytes = store.save(code, response);
      return Attempt.done(
          Result.ok(code, status, bytes, millisSince(start))
              .withFile(store.fileFor(code).toString()));
    } catch (ImageStore.BadBodyException | ImageStore.SaveException e) {
      return Attempt.done(Result.error(code, status, millisSince(start), e.getMessage()));
    } catch (IOException e) { // the connection failed while the body was read
      return new Attempt(
          Result.error(code, status, millisSince(start), Failures.describe(e, timeout)),
          !cancelled,
          null);
    }
  }

  /** The attempt for a call that produced no usable response. */
  private Attempt failure(String code, IOException e, long start) {
    Result result = Result.error(code, 0, millisSince(start), Failures.describe(e, timeout));
    return new Attempt(result, !cancelled, null);
  }

  private Attempt unexpected(String code, RuntimeException e, long start) {
    return Attempt.done(Result.error(code, 0, millisSince(start), Failures.unexpected(e)));
  }

  private long millisSince(long startNanos) {
    return (nanoTime.getAsLong() - startNanos) / 1_000_000;
  }

  /** The call in flight for one callback download, so that cancelling its future cancels it. */
  private static final class InFlight {
    private Call call;
    private boolean cancelled;

    /** Records {@code next} as the call in flight; false if the download was cancelled already. */
    synchronized boolean start(Call next) {
      call = next;
      return !cancelled;
    }

    synchronized void cancel() {
      cancelled = true;
      if (call != null) {
        call.cancel();
      }
    }
  }
}
