package flags2;

import java.util.EnumMap;
import java.util.Map;

/**
 * Tallies results by {@link Status}. Not thread-safe by design: one consumer thread owns it, which is
 * what lets the strategies differ only in scheduling.
 */
final class StatusCounter {
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);

  void add(Status status) {
    counts.merge(status, 1, Integer::sum);
  }

  int get(Status status) {
    return counts.getOrDefault(status, 0);
  }

  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
