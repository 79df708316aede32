package flags2.serve;

import java.time.Duration;

/** A fixed delay ({@code 0.5}) or a range drawn uniformly ({@code 0.5-5}), in seconds. */
public record Delay(double min, double max) {

  public Delay {
    if (!(min >= 0) || !(max >= min) || max > 3600) {
      throw new IllegalArgumentException(
          "a delay must be 0 to 3600 seconds, MIN-MAX with MIN <= MAX");
    }
  }

  /**
   * Parses {@code S} or {@code MIN-MAX}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Delay parse(String text) {
    try {
      int dash = text.indexOf('-', 1);
      return dash < 0
          ? new Delay(Double.parseDouble(text), Double.parseDouble(text))
          : new Delay(
              Double.parseDouble(text.substring(0, dash)),
              Double.parseDouble(text.substring(dash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--delay takes seconds (0.5) or a range (0.5-5), not '" + text + "'");
    }
  }

  /** The delay for a uniform draw {@code u} in [0, 1). */
  Duration at(double u) {
    return Duration.ofNanos((long) ((min + (max - min) * u) * 1e9));
  }

  @Override
  public String toString() {
    return min == max ? min + "s" : min + "-" + max + "s";
  }
}
