package flags2.bench;

import flags2.download.DownloadRun;
import flags2.strategy.StrategyKind;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** One strategy at one level: each measured run's outcome, in order. */
record Cell(StrategyKind strategy, int level, int concurrency, List<DownloadRun.Outcome> runs) {
  Duration median() {
    List<Duration> sorted = runs.stream().map(DownloadRun.Outcome::elapsed).sorted().toList();
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  Duration min() {
    return runs.stream()
        .map(DownloadRun.Outcome::elapsed)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  Duration max() {
    return runs.stream()
        .map(DownloadRun.Outcome::elapsed)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** The last run's outcome: the counts every run should agree on against a seeded server. */
  DownloadRun.Outcome last() {
    return runs.getLast();
  }

  boolean anyErrors() {
    return runs.stream().anyMatch(run -> run.errors() > 0);
  }
}
