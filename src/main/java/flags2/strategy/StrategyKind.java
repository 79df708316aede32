package flags2.strategy;

import java.util.Locale;

/** The strategies {@code --strategy} names, with their default and maximum concurrency. */
public enum StrategyKind {
  SEQUENTIAL(1, 1),
  THREADPOOL(30, 1000),
  ASYNC(5, 1000),
  VIRTUAL(30, 1000);

  /** What runs when {@code --strategy} is not given. */
  public static final StrategyKind DEFAULT = THREADPOOL;

  private final int defaultLimit;
  private final int maxLimit;

  StrategyKind(int defaultLimit, int maxLimit) {
    this.defaultLimit = defaultLimit;
    this.maxLimit = maxLimit;
  }

  /** The concurrency actually used: {@code min(requested or default, maximum, codes)}. */
  public int limit(Integer requested, int codes) {
    int wanted = requested == null ? defaultLimit : requested;
    return Math.max(1, Math.min(Math.min(wanted, maxLimit), codes));
  }

  /** This strategy, waiting for its workers as a real run does ({@link Shutdown#STANDARD}). */
  public Strategy create() {
    return create(Shutdown.STANDARD);
  }

  /** This strategy, waiting for its workers when it stops as {@code shutdown} says. */
  public Strategy create(Shutdown shutdown) {
    return switch (this) {
      case SEQUENTIAL -> new SequentialStrategy();
      case THREADPOOL -> new ThreadPoolStrategy(shutdown);
      case ASYNC -> new AsyncStrategy(shutdown);
      case VIRTUAL -> new VirtualStrategy(shutdown);
    };
  }

  /** The name on the command line: lower case. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
