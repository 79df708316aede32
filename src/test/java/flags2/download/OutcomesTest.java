package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A request's outcome as {@code --json} shows it: its {@code millis} on the run's own clock. */
class OutcomesTest {
  @Test
  void aResultsMillisAreHowLongItsRequestTookOnTheRunsClock() {
    AtomicLong clock = new AtomicLong(7_000_000_000L);
    Outcomes outcomes = new Outcomes(Duration.ofSeconds(10), clock::get);
    long start = clock.get();
    clock.addAndGet(1_234_567_890L);

    Attempt refused =
        outcomes.failure(
            "BR", RequestKind.IMAGE, new ConnectException("Connection refused"), start);

    assertEquals(1234, refused.result().millis(), "whole milliseconds, rounded down");
  }
}
