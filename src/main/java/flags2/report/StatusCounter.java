package flags2.report;

import flags2.strategy.Status;
import java.util.EnumMap;
import java.util.Map;

/**
 * Tallies results by {@link Status}. Not thread-safe by design: one consumer thread owns it, which
 * is what lets the strategies differ only in scheduling.
 */
public final class StatusCounter {
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);

  void add(Status status) {
    counts.merge(status, 1, Integer::sum);
  }

  public int get(Status status) {
    return counts.getOrDefault(status, 0);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
