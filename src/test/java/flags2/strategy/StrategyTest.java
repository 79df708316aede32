package flags2.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each strategy on its own, with a fake {@link Fetcher}: no HTTP, no files. What the run relies on:
 * every code's result reaches the sink exactly once, on the calling thread (the one that owns the
 * status counter), and each strategy uses the form of fetching its model stands for.
 */
class StrategyTest {
  private static final List<String> CODES = List.of("AA", "AB", "AC", "AD", "AE", "AF", "AG");

  /** Answers at once, from the calling thread or from another, and counts what was asked. */
  private static final class FakeFetcher implements Fetcher {
    final AtomicInteger blocking = new AtomicInteger();
    final AtomicInteger async = new AtomicInteger();
    final Set<Thread> fetchingThreads = ConcurrentHashMap.newKeySet();

    @Override
    public Result fetch(String code) {
      blocking.incrementAndGet();
      fetchingThreads.add(Thread.currentThread());
      return Result.ok(code, 200, code.length(), 1);
    }

    @Override
    public CompletableFuture<Result> fetchAsync(String code) {
      async.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> Result.ok(code, 200, code.length(), 1));
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void everyResultReachesTheSinkOnceOnTheCallingThread(StrategyKind kind) throws Exception {
    FakeFetcher fetcher = new FakeFetcher();
    List<String> seen = new ArrayList<>();
    Set<Thread> sinkThreads = ConcurrentHashMap.newKeySet();

    kind.create()
        .run(
            CODES,
            fetcher,
            kind.limit(3, CODES.size()),
            result -> {
              sinkThreads.add(Thread.currentThread());
              seen.add(result.code());
            });

    assertEquals(CODES, seen.stream().sorted().toList());
    assertEquals(Set.of(Thread.currentThread()), sinkThreads);
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void eachStrategyFetchesTheWayItsModelDoes(StrategyKind kind) throws Exception {
    FakeFetcher fetcher = new FakeFetcher();

    kind.create().run(CODES, fetcher, kind.limit(3, CODES.size()), result -> {});

    int blocking = fetcher.blocking.get();
    int async = fetcher.async.get();
    switch (kind) {
      case SEQUENTIAL -> {
        assertEquals(List.of(CODES.size(), 0), List.of(blocking, async));
        assertEquals(Set.of(Thread.currentThread()), fetcher.fetchingThreads);
      }
      case THREADPOOL -> {
        assertEquals(List.of(CODES.size(), 0), List.of(blocking, async));
        assertEquals(
            0, fetcher.fetchingThreads.stream().filter(Thread::isVirtual).count(), "pool threads");
      }
      case VIRTUAL -> {
        assertEquals(List.of(CODES.size(), 0), List.of(blocking, async));
        assertEquals(
            CODES.size(),
            fetcher.fetchingThreads.stream().filter(Thread::isVirtual).count(),
            "a virtual thread per code");
      }
      case ASYNC -> assertEquals(List.of(0, CODES.size()), List.of(blocking, async));
    }
  }

  /**
   * A fetch that fails anyway, a bug, since a fetcher returns failures as results: it throws, or
   * gives no result. The run does not wait for it forever: its code counts as an error that says
   * so.
   */
  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"THREADPOOL", "ASYNC", "VIRTUAL"})
  void aFetchThatFailsAnywayCountsAsAnErrorInsteadOfHangingTheRun(StrategyKind kind)
      throws Exception {
    Fetcher broken =
        new Fetcher() {
          @Override
          public Result fetch(String code) {
            return switch (code) {
              case "AB" -> throw new IllegalStateException("bug");
              case "AC" -> null;
              default -> Result.ok(code, 200, 10, 1);
            };
          }

          @Override
          public CompletableFuture<Result> fetchAsync(String code) {
            return switch (code) {
              case "AB" -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
              case "AC" -> CompletableFuture.completedFuture(null);
              default -> CompletableFuture.completedFuture(Result.ok(code, 200, 10, 1));
            };
          }
        };
    List<Result> seen = new CopyOnWriteArrayList<>();

    CompletableFuture.runAsync(
            () -> {
              try {
                kind.create().run(List.of("AA", "AB", "AC"), broken, 3, seen::add);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            })
        .get(20, TimeUnit.SECONDS);

    Map<String, String> errors = new TreeMap<>();
    seen.forEach(r -> errors.put(r.code(), r.error()));
    assertEquals(3, seen.size(), seen.toString());
    assertEquals("", errors.get("AA"), "no error");
    assertTrue(errors.get("AB").startsWith("internal error: "), errors.toString());
    assertTrue(errors.get("AB").contains("IllegalStateException: bug"), errors.toString());
    assertEquals("internal error: no result", errors.get("AC"));
  }
}
