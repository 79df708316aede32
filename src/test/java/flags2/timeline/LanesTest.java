package flags2.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lane packing and the in-flight count, on requests made up for the purpose. */
class LanesTest {
  private static final long ORIGIN = 5_000_000_000L;

  private static Request request(String code, long startMicros, long endMicros) {
    return new Request(
        code,
        Fetch.IMAGE,
        1,
        ORIGIN + startMicros * 1_000,
        ORIGIN + endMicros * 1_000,
        Outcome.OK,
        200,
        10);
  }

  private static Timeline timeline(List<Request> requests) {
    return Timeline.of(
        new Timeline.Run("async", 2, "LOCAL http://x/flags", 3, 3, 0, 0, 1_000_000, false),
        ORIGIN,
        requests);
  }

  @Test
  void aRequestTakesTheFirstLaneFreeWhenItStarts() {
    Timeline timeline =
        timeline(
            List.of(
                request("AA", 0, 100),
                request("AB", 10, 50),
                request("AC", 50, 80), // AB's lane is free exactly when AC starts
                request("AD", 100, 120))); // and AA's when AD starts
    assertArrayEquals(new int[] {0, 1, 1, 0}, timeline.lanes());
    assertEquals(2, timeline.laneCount());
    assertEquals(2, timeline.peak());
  }

  @Test
  void anAxisSharedWithLongerRunsIsNeverShorterThanTheRunsOwn() {
    Timeline timeline = timeline(List.of(request("AA", 0, 100)));
    assertEquals(1_000, timeline.spanMicros()); // the elapsed time, 1 ms
    assertEquals(5_000, timeline.withAxis(5_000).spanMicros());
    assertEquals(1_000, timeline.withAxis(10).spanMicros());
  }

  @Test
  void theInFlightStepsCountEndsBeforeStartsAtOneInstant() {
    Timeline timeline = timeline(List.of(request("AA", 0, 100), request("AB", 100, 200)));
    List<long[]> steps = List.of(timeline.inFlight());
    assertEquals(3, steps.size());
    assertArrayEquals(new long[] {0, 1}, steps.get(0));
    assertArrayEquals(new long[] {100, 1}, steps.get(1));
    assertArrayEquals(new long[] {200, 0}, steps.get(2));
  }

  @Test
  void thereAreNeverMoreLanesThanRequestsInFlight() {
    Random random = new Random(15);
    for (int round = 0; round < 200; round++) {
      List<Request> requests = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long start = random.nextInt(1_000);
        requests.add(request("A" + (char) ('A' + i % 26), start, start + random.nextInt(300)));
      }
      Timeline timeline = timeline(requests);
      assertEquals(timeline.peak(), timeline.laneCount(), "round " + round);
      // no two requests of one lane overlap
      for (int i = 0; i < requests.size(); i++) {
        for (int j = i + 1; j < requests.size(); j++) {
          if (timeline.lanes()[i] == timeline.lanes()[j]) {
            Request a = timeline.requests().get(i);
            Request b = timeline.requests().get(j);
            assertTrue(
                a.endNanos() <= b.startNanos() || b.endNanos() <= a.startNanos(), a + " and " + b);
          }
        }
      }
    }
  }
}
