package flags2.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Greedy lane packing and the in-flight count. A lane holds one request at a time; each request, in
 * order of start, takes the lowest-numbered lane free at its start. That is interval partitioning,
 * so the lanes never outnumber the requests in flight at once. A request that starts exactly when
 * another ends may take its lane: times are compared in microseconds, as drawn.
 */
final class Lanes {
  private Lanes() {}

  /** Each request's lane, from 0; {@code sorted} must be in order of start. */
  static int[] assign(List<Request> sorted, long origin) {
    int[] lanes = new int[sorted.size()];
    PriorityQueue<long[]> busy = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    PriorityQueue<Integer> free = new PriorityQueue<>();
    int next = 0;
    for (int i = 0; i < lanes.length; i++) {
      Request request = sorted.get(i);
      long start = micros(request.startNanos(), origin);
      while (!busy.isEmpty() && busy.peek()[0] <= start) {
        free.add((int) busy.poll()[1]);
      }
      int lane = free.isEmpty() ? next++ : free.poll();
      lanes[i] = lane;
      busy.add(new long[] {micros(request.endNanos(), origin), lane});
    }
    return lanes;
  }

  /**
   * The number in flight after each change, as {@code {micros since origin, count}} pairs in order
   * of time; at one instant ends count before starts, as in {@link #assign}.
   */
  static long[][] inFlight(List<Request> requests, long origin) {
    int n = requests.size();
    long[] events = new long[2 * n]; // time * 2 + (0 for an end, 1 for a start)
    for (int i = 0; i < n; i++) {
      Request request = requests.get(i);
      events[2 * i] = micros(request.startNanos(), origin) * 2 + 1;
      events[2 * i + 1] = micros(request.endNanos(), origin) * 2;
    }
    Arrays.sort(events);
    List<long[]> steps = new ArrayList<>();
    long count = 0;
    for (int i = 0; i < events.length; i++) {
      count += (events[i] & 1) == 1 ? 1 : -1;
      long time = events[i] >> 1;
      if (i + 1 < events.length && events[i + 1] >> 1 == time) {
        continue; // one step per instant
      }
      steps.add(new long[] {time, count});
    }
    return steps.toArray(long[][]::new);
  }

  private static long micros(long nanos, long origin) {
    return Math.max(0, nanos - origin) / 1_000;
  }
}
