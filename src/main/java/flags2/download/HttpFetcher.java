package flags2.download;

import flags2.strategy.Fetcher;
import flags2.strategy.Result;
import flags2.strategy.Status;
import flags2.timeline.Recorder;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches a code's {@code {base}/{cc}/{cc}.gif} (and, with {@code --country-names}, its {@code
 * metadata.json} through {@link CountryNameFetch}) with OkHttp: every request is made by {@link
 * #newCall} and classified by {@link Outcomes}, retried through the one {@link RetryLoop}. {@link
 * #cancelAll} is the run's one way to stop every call: nothing else cancels a call, a future or a
 * retry (but the client, for a call that starts after it: {@link HttpClients.RunCancelled}), and no
 * strategy interrupts a worker to stop it.
 */
final class HttpFetcher implements Fetcher {
  /** Reads a 200 body: saves it or takes what it says; returns the bytes read. */
  interface BodyReader {
    long read(Response ok) throws IOException;
  }

  private final OkHttpClient client;
  private final HttpUrl base;
  private final ImageStore store;
  private final RetryLoop retries;
  private final LongSupplier nanoTime;
  private final Outcomes outcomes;
  private final CountryNameFetch countryNames;
  private final RequestTimes times;

  /**
   * Completed by {@link #cancelAll}: OkHttp also cancels a call on its call timeout, which is
   * retryable. Retry waits end when it completes.
   */
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  private final HttpClients.RunCancelled runCancelled =
      new HttpClients.RunCancelled(cancelled::isDone);

  /**
   * Every call from {@link #newCall} until it has finished, queued, running or reading its body:
   * what {@link #cancelAll} cancels. (OkHttp's Dispatcher forgets a blocking call once its headers
   * have arrived, so cancelling through it would leave a slow body to run until its timeout.)
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
    this.store = new ImageStore(options.dest(), options.maxSize(), cancelled::isDone);
    this.retries = new RetryLoop(RetryPolicy.of(options.retries()), cancelled, retrying);
    this.nanoTime = nanoTime;
    this.outcomes = new Outcomes(options.timeout(), nanoTime);
    this.countryNames = options.countryNames() ? new CountryNameFetch(this, store, nanoTime) : null;
    this.times = new RequestTimes(recorder, nanoTime, cancelled::isDone);
  }

  @Override
  public Result fetch(String code) {
    return fetch(code, null);
  }

  /** Each request, not the whole code, holds a permit of {@code permits} (none when null). */
  @Override
  public Result fetch(String code, Semaphore permits) {
    if (countryNames != null) {
      return countryNames.fetch(code, permits);
    }
    Result image = get(code, RequestKind.IMAGE, ok -> store.save(code, ok), permits);
    return image.status() == Status.OK ? image.withFile(store.fileFor(code).toString()) : image;
  }

  @Override
  public CompletableFuture<Result> fetchAsync(String code) {
    return countryNames != null
        ? countryNames.fetchAsync(code)
        : getAsync(code, RequestKind.IMAGE, ok -> store.save(code, ok))
            .thenApply(
                image ->
                    image.status() == Status.OK
                        ? image.withFile(store.fileFor(code).toString())
                        : image);
  }

  /**
   * Cancels every call of this fetcher that is queued or running, body reads included, ends every
   * wait to retry and stops every retry still to come; a call that starts later fails before it
   * sends anything, and a body still being written is not saved. Failures from then on are its
   * doing ({@link #cancelled}). Safe to call more than once.
   */
  void cancelAll() {
    cancelled.complete(null);
    live.forEach(Call::cancel);
  }

  /** Whether {@link #cancelAll} was called. */
  boolean cancelled() {
    return cancelled.isDone();
  }

  /** Deletes the temporary files of saves still in progress; see {@link ImageStore}. */
  void removePartialFiles() {
    store.removePartialFiles();
  }

  /**
   * One request of {@code kind} for {@code code}, retried, on the calling thread; each try holds a
   * permit of {@code permits} (if not null) while it runs, none while it waits to retry.
   */
  Result get(String code, RequestKind kind, BodyReader reader, Semaphore permits) {
    long start = nanoTime.getAsLong();
    return retries
        .run(
            number ->
                CompletableFuture.completedFuture(
                    execute(code, kind, number, start, reader, permits)),
            RetryLoop.SLEEP)
        .join() // complete already: every step ran on this thread
        .withStart(start);
  }

  /** One request of {@code kind} for {@code code}, retried, on the client's threads. */
  CompletableFuture<Result> getAsync(String code, RequestKind kind, BodyReader reader) {
    long start = nanoTime.getAsLong();
    return retries
        .run(number -> enqueue(code, kind, number, start, reader), RetryLoop.TIMER)
        .thenApply(done -> done.withStart(start));
  }

  /**
   * A new, unstarted call: every request of a run is made here, knowing its code, kind and attempt;
   * counted as live until {@link #done}. A call is either live when {@code cancelAll} cancels every
   * live call, or starts after its flag is set and fails unsent ({@link HttpClients.RunCancelled}):
   * none slips through the gap, a queued one the Dispatcher starts meanwhile included.
   */
  private Call newCall(String code, RequestKind kind, int attempt) {
    Call call =
        client.newCall(
            new Request.Builder()
                .url(kind.url(base, code))
                .tag(HttpClients.Redirects.class, new HttpClients.Redirects())
                .tag(HttpClients.AttemptNumber.class, new HttpClients.AttemptNumber(attempt))
                .tag(RequestKind.class, kind)
                .tag(RequestTimes.Started.class, times.tag())
                .tag(HttpClients.RunCancelled.class, runCancelled)
                .build());
    live.add(call);
    return call;
  }

  private void done(Call call) {
    live.remove(call);
  }

  /** One blocking try. */
  private Attempt execute(
      String code, RequestKind kind, int number, long start, BodyReader reader, Semaphore permits) {
    if (permits != null) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Attempt.done(Result.error(code, 0, outcomes.millisSince(start), "Canceled"));
      }
    }
    try {
      Call call = newCall(code, kind, number);
      return times.ended(call, kind.fetch(), number, execute(call, code, kind, start, reader));
    } finally {
      if (permits != null) {
        permits.release();
      }
    }
  }

  private Attempt execute(Call call, String code, RequestKind kind, long start, BodyReader reader) {
    try (Response response = call.execute()) {
      return outcomes.of(code, kind, response, start, reader);
    } catch (IOException e) {
      return outcomes.failure(code, kind, e, start);
    } catch (RuntimeException e) {
      return outcomes.unexpected(code, kind, e, start);
    } finally {
      done(call);
    }
  }

  /** One try on the client's threads; the future completes when its callback has run. */
  private CompletableFuture<Attempt> enqueue(
      String code, RequestKind kind, int number, long start, BodyReader reader) {
    CompletableFuture<Attempt> attempt = new CompletableFuture<>();
    Call call = newCall(code, kind, number);
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            done(call);
            attempt.complete(
                times.ended(call, kind.fetch(), number, outcomes.failure(code, kind, e, start)));
          }

          @Override
          public void onResponse(Call call, Response response) {
            // reads the whole body before returning, so the Dispatcher's count of running calls is
            // honest
            Attempt outcome;
            try (response) {
              outcome = outcomes.of(code, kind, response, start, reader);
            } catch (RuntimeException e) {
              outcome = outcomes.unexpected(code, kind, e, start);
            } finally {
              done(call);
            }
            attempt.complete(times.ended(call, kind.fetch(), number, outcome));
          }
        });
    return attempt;
  }
}
