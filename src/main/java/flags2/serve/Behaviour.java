package flags2.serve;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How one test server misbehaves: the share of requests answered with {@code errorStatus} (418 by
 * default), the share of responses delayed, and the delay. With a seed every choice is a pure
 * function of (seed, request path), so every run against a server gives the same counts, and a code
 * that fails fails on every retry too; without one, each request draws afresh.
 */
record Behaviour(
    double errorRate, double delayShare, int errorStatus, Delay delay, OptionalLong seed) {

  Behaviour {
    if (!(errorRate >= 0 && errorRate <= 1) || !(delayShare >= 0 && delayShare <= 1)) {
      throw new IllegalArgumentException("rates and shares must be between 0 and 1");
    }
  }

  /** What to do with one request. */
  record Decision(boolean error, Duration delay) {}

  Decision decide(String path) {
    RandomGenerator random =
        seed.isPresent()
            ? new SplittableRandom(seed.getAsLong() * 0x9E3779B97F4A7C15L + path.hashCode())
            : ThreadLocalRandom.current();
    boolean error = random.nextDouble() < errorRate;
    boolean delayed = random.nextDouble() < delayShare;
    double u = random.nextDouble();
    return new Decision(error, delayed ? delay.at(u) : Duration.ZERO);
  }
}
