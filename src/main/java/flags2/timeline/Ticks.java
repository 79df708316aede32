package flags2.timeline;

/** Round tick steps for the time axis: 1, 2 or 5 times a power of ten. */
final class Ticks {
  private Ticks() {}

  /** The smallest round step that divides {@code span} into at most {@code most} intervals. */
  static double step(double span, int most) {
    double raw = Math.max(span, 1e-6) / most;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= raw - 1e-12) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  /** Decimals that print every multiple of {@code step} exactly: 0 for 1, 1 for 0.5, 2 for 0.05. */
  static int decimals(double step) {
    int decimals = 0;
    while (decimals < 6
        && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
            > 1e-9) {
      decimals++;
    }
    return decimals;
  }
}
