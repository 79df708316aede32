package flags2.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits until a thread is seen in a given wait, or has ended: how a test pins a moment the code
 * offers no hook for (a run waiting for its workers, a shutdown for its callbacks, a report for the
 * bar's last frame). It looks every millisecond, parked in between, so the thread it watches keeps
 * a core; it fails the test when the limit passes first.
 */
public final class ThreadWaits {
  private ThreadWaits() {}

  /**
   * Returns once {@code thread} waits with a time limit or has ended; else fails with {@code
   * never}.
   */
  public static void awaitTimedWaitOrEnd(Thread thread, Duration limit, String never) {
    awaitOrEnd(thread, t -> t.getState() == Thread.State.TIMED_WAITING, limit, never);
  }

  /**
   * Returns once {@code thread} is parked on (or blocked by) an object whose class name ends with
   * {@code blockerClass}, or has ended; else fails with {@code never}.
   */
  public static void awaitBlockedOnOrEnd(
      Thread thread, String blockerClass, Duration limit, String never) {
    Predicate<Thread> blocked =
        t -> {
          LockInfo lock = blocker(t);
          return lock != null && lock.getClassName().endsWith(blockerClass);
        };
    awaitOrEnd(thread, blocked, limit, never);
  }

  /** What {@code thread} waits on now (a monitor, or what it is parked on), or null. */
  public static LockInfo blocker(Thread thread) {
    ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
    return info == null ? null : info.getLockInfo();
  }

  private static void awaitOrEnd(
      Thread thread, Predicate<Thread> waiting, Duration limit, String never) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (thread.isAlive() && !waiting.test(thread)) {
      if (System.nanoTime() > deadline) {
        fail(never);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
