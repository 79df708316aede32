package flags2.download;

import flags2.strategy.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import okhttp3.Response;

/**
 * Classifies what one request got into an {@link Attempt}: a 200 read by its {@link
 * HttpFetcher.BodyReader}, 404 not found, anything else an error worded by {@link Failures}, with
 * what {@link RetryPolicy} needs to decide on another try. A 200's result carries no file: the
 * caller knows where the body went. A failed metadata request says so ({@code metadata.json: HTTP
 * error 418 - I'm a Teapot}), in its result and in its retry lines; a refused metadata body's
 * message names it already. A failure is retryable whether or not the run was cancelled: the {@link
 * RetryLoop} alone stops retries after a cancel.
 */
final class Outcomes {
  private final Duration timeout;
  private final LongSupplier nanoTime;

  Outcomes(Duration timeout, LongSupplier nanoTime) {
    this.timeout = timeout;
    this.nanoTime = nanoTime;
  }

  /**
   * Classifies a response and, for a 200, has {@code reader} read the whole body before returning,
   * so the caller may close the response at once.
   */
  Attempt of(
      String code, RequestKind kind, Response response, long start, HttpFetcher.BodyReader reader) {
    int status = response.code();
    if (status == 404) {
      return Attempt.done(Result.notFound(code, millisSince(start)));
    }
    if (status != 200) {
      boolean retryable = status == 429 || status >= 500;
      Result result =
          Result.error(
              code,
              status,
              millisSince(start),
              kind.failed(Failures.httpError(status, response.message())));
      return new Attempt(
          result,
          retryable,
          retryable ? RetryPolicy.retryAfter(response.header("Retry-After")) : null);
    }
    try {
      long bytes = reader.read(response);
      return Attempt.done(Result.ok(code, status, bytes, millisSince(start)));
    } catch (BadBodyException | SaveException | Metadata.BadMetadataException e) {
      return Attempt.done(Result.error(code, status, millisSince(start), e.getMessage()));
    } catch (IOException e) { // the connection failed while the body was read
      return new Attempt(
          Result.error(
              code, status, millisSince(start), kind.failed(Failures.describe(e, timeout))),
          true,
          null);
    }
  }

  /** The attempt for a call that produced no usable response. */
  Attempt failure(String code, RequestKind kind, IOException e, long start) {
    Result result =
        Result.error(code, 0, millisSince(start), kind.failed(Failures.describe(e, timeout)));
    return new Attempt(result, true, null);
  }

  Attempt unexpected(String code, RequestKind kind, RuntimeException e, long start) {
    return Attempt.done(
        Result.error(code, 0, millisSince(start), kind.failed(Failures.unexpected(e))));
  }

  long millisSince(long startNanos) {
    return (nanoTime.getAsLong() - startNanos) / 1_000_000;
  }
}
