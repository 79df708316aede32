package flags2.download;

import flags2.strategy.Result;
import java.time.Duration;

/**
 * One try at a code: its result, and what {@link RetryPolicy} needs to decide on another.
 *
 * @param retryable whether another try could end differently (connection failure, timeout, 429,
 *     5xx)
 * @param retryAfter the server's Retry-After, or null
 */
record Attempt(Result result, boolean retryable, Duration retryAfter) {

  /** A try that another would not change: a success, a 404, a 4xx, a bad body. */
  static Attempt done(Result result) {
    return new Attempt(result, false, null);
  }
}
