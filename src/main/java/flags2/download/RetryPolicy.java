package flags2.download;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a code again: only after a retryable attempt (connection failure, timeout, 429, 5xx;
 * never 404 or another 4xx), at most {@code retries} times, after an exponential backoff with
 * jitter, or after the server's {@code Retry-After} when it sent one, capped. {@link RetryLoop}
 * asks it after every attempt.
 */
record RetryPolicy(int retries, Duration base, Duration cap, Duration retryAfterCap) {

  /** 0.25 s doubling to at most 10 s, half of it jitter; Retry-After honoured up to 30 s. */
  static RetryPolicy of(int retries) {
    return new RetryPolicy(
        retries, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** The wait before another try after attempt number {@code attempt} (0 first), or empty. */
  Optional<Duration> next(int attempt, Attempt outcome) {
    if (!outcome.retryable() || attempt >= retries) {
      return Optional.empty();
    }
    if (outcome.retryAfter() != null) {
      return Optional.of(
          outcome.retryAfter().compareTo(retryAfterCap) > 0 ? retryAfterCap : outcome.retryAfter());
    }
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
    long half = ceiling / 2;
    return Optional.of(Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1)));
  }

  /**
   * A {@code Retry-After} header as delta-seconds or an HTTP date; null when absent or unreadable.
   */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
