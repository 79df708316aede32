package flags2.timeline;

import java.util.Comparator;
import java.util.List;

/**
 * A finished run's requests, ready to draw: sorted by start, each with its lane, and times as
 * offsets in microseconds from the run's start. A request that started before the run's clock
 * started (none should) is drawn at 0.
 *
 * @param run what the title says about the run
 * @param requests sorted by start, then by end
 * @param lanes each request's lane, from 0, in the order of {@code requests}
 * @param inFlight the number of requests in flight over time, from {@link Lanes#inFlight}
 * @param axisMicros the least extent of the time axis, so that charts of several runs compare; 0
 *     for the run's own
 */
public record Timeline(
    Run run, List<Request> requests, int[] lanes, long[][] inFlight, long origin, long axisMicros) {

  /**
   * The run as the title line shows it.
   *
   * @param server the label and the URL, credentials already hidden
   * @param concurrency the limit, m
   * @param codes the codes asked for; ok, notFound and errors are the report's counts
   * @param elapsedNanos the report's elapsed time
   * @param interrupted whether a signal cut the run short
   */
  public record Run(
      String strategy,
      int concurrency,
      String server,
      int codes,
      int ok,
      int notFound,
      int errors,
      long elapsedNanos,
      boolean interrupted) {}

  /**
   * The timeline of {@code requests}, in any order, for a run whose clock started at {@code
   * origin}.
   */
  public static Timeline of(Run run, long origin, List<Request> requests) {
    List<Request> sorted =
        requests.stream()
            .sorted(
                Comparator.comparingLong(Request::startNanos).thenComparingLong(Request::endNanos))
            .toList();
    return new Timeline(
        run, sorted, Lanes.assign(sorted, origin), Lanes.inFlight(sorted, origin), origin, 0);
  }

  /** This timeline on an axis at least {@code micros} long: several runs on one time axis. */
  public Timeline withAxis(long micros) {
    return new Timeline(run, requests, lanes, inFlight, origin, micros);
  }

  /** When {@code nanos} falls, in microseconds since the run started; never negative. */
  public long micros(long nanos) {
    return Math.max(0, nanos - origin) / 1_000;
  }

  /** How many lanes the requests fill: never more than were in flight at once. */
  public int laneCount() {
    int count = 0;
    for (int lane : lanes) {
      count = Math.max(count, lane + 1);
    }
    return count;
  }

  /** The most requests in flight at once. */
  public int peak() {
    long peak = 0;
    for (long[] step : inFlight) {
      peak = Math.max(peak, step[1]);
    }
    return (int) peak;
  }

  /** The time axis's extent, in microseconds: the elapsed time, or the last end if later. */
  public long spanMicros() {
    long span = Math.max(axisMicros, run.elapsedNanos() / 1_000);
    for (Request request : requests) {
      span = Math.max(span, micros(request.endNanos()));
    }
    return Math.max(span, 1);
  }
}
