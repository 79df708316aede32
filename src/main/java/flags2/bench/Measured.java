package flags2.bench;

import flags2.timeline.Timeline;
import java.util.List;

/**
 * What a bench measured: the cells with at least one measured run, and how many of the planned
 * measured runs (a cell in one round each) finished; fewer when a signal stopped the bench.
 */
record Measured(List<Cell> cells, int finished, int planned, List<Timeline> timelines) {
  /** Every run of every cell finished; no timeline. */
  static Measured complete(List<Cell> cells) {
    int runs = cells.stream().mapToInt(cell -> cell.runs().size()).sum();
    return new Measured(cells, runs, runs, List.of());
  }

  boolean partial() {
    return finished < planned;
  }
}
