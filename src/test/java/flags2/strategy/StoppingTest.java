package flags2.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import flags2.testing.ThreadWaits;
import java.lang.management.LockInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C as a strategy sees it, with a {@link GatedFetcher} whose downloads end only when the test
 * says: the run has cancelled (or not) and interrupts the calling thread; the strategy waits for
 * its workers as its {@link Shutdown} says, hands over what arrived meanwhile, and cancels nothing
 * itself. The grace is either long (nothing here depends on how fast a worker ends) or zero.
 */
class StoppingTest {
  /** Longer than any test waits: a strategy that stops waiting early is not saved by the clock. */
  private static final Shutdown PATIENT = new Shutdown(Duration.ofMinutes(1));

  /** A strategy run on a thread of its own, the run's consumer thread, to be interrupted. */
  private static final class Running {
    final List<Result> handedOver = new CopyOnWriteArrayList<>();
    final Set<Thread> sinkThreads = ConcurrentHashMap.newKeySet();

    /** Completes when the run returns: true if it rethrew the interrupt. */
    final CompletableFuture<Boolean> ended = new CompletableFuture<>();

    /** The fetching threads still alive the moment the run returned. */
    volatile List<Thread> aliveAtReturn;

    final Thread thread;

    Running(Strategy strategy, List<String> codes, GatedFetcher fetcher, int limit) {
      thread =
          Thread.ofPlatform()
              .name("consumer")
              .start(
                  () -> {
                    boolean interrupted = false;
                    try {
                      strategy.run(
                          codes,
                          fetcher,
                          limit,
                          result -> {
                            sinkThreads.add(Thread.currentThread());
                            handedOver.add(result);
                          });
                    } catch (InterruptedException e) {
                      interrupted = true;
                    } catch (RuntimeException | Error e) {
                      ended.completeExceptionally(e);
                      return;
                    }
                    aliveAtReturn =
                        fetcher.threads.values().stream().filter(Thread::isAlive).toList();
                    ended.complete(interrupted);
                  });
    }

    /** Whether the run rethrew the interrupt; fails if it has not returned within 20 s. */
    boolean awaitEnd() throws Exception {
      return ended.get(20, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anImageSavedWhileTheRunStopsIsStillHandedOver(StrategyKind kind) throws Exception {
    List<String> codes = List.of("AA", "AB", "AC");
    int limit = kind.limit(3, codes.size());
    GatedFetcher fetcher = new GatedFetcher(limit);
    Running run = new Running(kind.create(PATIENT), codes, fetcher, limit);
    assertTrue(fetcher.started.await(10, TimeUnit.SECONDS), "no download started");

    run.thread.interrupt(); // Ctrl-C: the run stops while AA's worker is still saving its image
    if (kind != StrategyKind.SEQUENTIAL) {
      // AA ends only once the run waits for its workers: a run that does not wait has returned
      // without it, whatever the scheduling
      // (a strategy waits for its workers no longer than its grace; for results without one)
      ThreadWaits.awaitTimedWaitOrEnd(
          run.thread,
          Duration.ofSeconds(20),
          "the run neither returned nor waited for its workers within 20 s");
    }
    Result saved = Result.ok("AA", 200, 10, 1);
    fetcher.answer("AA", saved);
    fetcher.cancelAll();

    assertTrue(run.awaitEnd(), "the interrupt is rethrown");
    assertTrue(run.handedOver.contains(saved), run.handedOver.toString());
    assertEquals(
        run.handedOver.size(),
        run.handedOver.stream().map(Result::code).distinct().count(),
        "each code at most once: " + run.handedOver);
    assertEquals(Set.of(run.thread), run.sinkThreads, "on the calling thread");
  }

  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREADPOOL", "ASYNC", "VIRTUAL"})
  void aStoppingStrategyAbandonsWhatOutlastsTheGraceAndNeverCancelsItself(StrategyKind kind)
      throws Exception {
    List<String> codes = List.of("AA", "AB", "AC", "AD");
    GatedFetcher fetcher = new GatedFetcher(2);
    Running run = new Running(kind.create(new Shutdown(Duration.ZERO)), codes, fetcher, 2);
    assertTrue(fetcher.started.await(10, TimeUnit.SECONDS), "no download started");

    run.thread.interrupt(); // the calls were not cancelled: the workers stay blocked

    assertTrue(run.awaitEnd(), "returns without waiting for blocked workers, rethrowing");
    assertEquals(List.of(), run.handedOver, "nothing had arrived");
    fetcher.cancelAll(); // the run's own cancel, after the fact, lets the abandoned workers end
    for (Thread worker : fetcher.threads.values()) {
      assertTrue(worker.join(Duration.ofSeconds(10)), worker + " never ended");
    }
    assertEquals(Set.of(), fetcher.interrupted, "downloads the strategy interrupted");
    assertEquals(List.of(), fetcher.cancelledFutures(), "futures the strategy cancelled");
  }

  @Test
  void whenTheThreadPoolReturnsEveryOneOfItsThreadsHasExited() throws Exception {
    List<String> codes = List.of("AA", "AB", "AC");
    GatedFetcher fetcher = new GatedFetcher(codes.size());
    Running run = new Running(StrategyKind.THREADPOOL.create(PATIENT), codes, fetcher, 3);
    assertTrue(fetcher.started.await(10, TimeUnit.SECONDS), "no download started");
    Map<Thread, String> codeOf = new HashMap<>();
    fetcher.threads.forEach((code, thread) -> codeOf.put(thread, code));

    run.thread.interrupt();
    // A worker ends only once the run is waiting for that very thread to exit: a run that returns
    // without waiting for each one finds it still blocked, whatever the scheduling.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!run.ended.isDone()) {
      Thread awaited = joining(run.thread, codeOf.keySet());
      if (awaited != null) {
        fetcher.answer(codeOf.get(awaited), GatedFetcher.canceled(codeOf.get(awaited)));
      } else if (System.nanoTime() > deadline) {
        fail("the run neither returned nor waited for a worker within 20 s");
      }
      Thread.onSpinWait();
    }

    assertTrue(run.awaitEnd());
    assertEquals(List.of(), run.aliveAtReturn, "pool threads alive when the run returned");
  }

  /** The thread of {@code threads} whose exit {@code waiter} is waiting for, or null. */
  private static Thread joining(Thread waiter, Set<Thread> threads) {
    LockInfo lock = ThreadWaits.blocker(waiter);
    if (lock == null) {
      return null;
    }
    for (Thread thread : threads) {
      if (System.identityHashCode(thread) == lock.getIdentityHashCode()
          && thread.getClass().getName().equals(lock.getClassName())) {
        return thread;
      }
    }
    return null;
  }
}
