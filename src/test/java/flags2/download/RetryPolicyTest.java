package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.Result;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy POLICY = RetryPolicy.of(3);
  private static final Result FAILED =
      Result.error("BR", 503, 1, "HTTP error 503 - Service Unavailable");

  private static Attempt retryable(Duration retryAfter) {
    return new Attempt(FAILED, true, retryAfter);
  }

  @Test
  void backoffDoublesWithJitterUpToTheCap() {
    for (int attempt = 0; attempt < 3; attempt++) {
      long ceiling = Math.min(10_000, 250L << attempt);
      for (int i = 0; i < 50; i++) {
        long wait = POLICY.next(attempt, retryable(null)).orElseThrow().toMillis();
        assertTrue(
            wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait + " ms");
      }
    }
    long late = RetryPolicy.of(30).next(29, retryable(null)).orElseThrow().toMillis();
    assertTrue(late >= 5_000 && late <= 10_000, late + " ms");
  }

  @Test
  void finalAttemptsAndNonRetryableOutcomesAreNotRetried() {
    assertEquals(Optional.empty(), POLICY.next(3, retryable(null)));
    assertEquals(Optional.empty(), POLICY.next(0, Attempt.done(FAILED)));
    assertEquals(Optional.empty(), RetryPolicy.of(0).next(0, retryable(null)));
  }

  @Test
  void retryAfterIsHonouredUpToItsCap() {
    assertEquals(
        Optional.of(Duration.ofSeconds(2)), POLICY.next(0, retryable(Duration.ofSeconds(2))));
    assertEquals(
        Optional.of(Duration.ofSeconds(30)), POLICY.next(0, retryable(Duration.ofHours(1))));
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    assertEquals(Duration.ofSeconds(7), RetryPolicy.retryAfter("7"));
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    long seconds = RetryPolicy.retryAfter(inTenSeconds).toSeconds();
    assertTrue(seconds >= 8 && seconds <= 10, seconds + " s");
    assertEquals(Duration.ZERO, RetryPolicy.retryAfter("Thu, 01 Jan 1970 00:00:00 GMT"));
    assertNull(RetryPolicy.retryAfter("soon"));
    assertNull(RetryPolicy.retryAfter(null));
  }
}
