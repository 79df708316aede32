package flags2.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Ctrl-C that comes while a stopping run waits (for a permit, for its workers) ends that wait at
 * once and is kept as the thread's interrupt flag, so that the run still sees it and stops: none of
 * these waits swallows it. The waits here would otherwise last a minute.
 */
class InterruptFlagTest {
  private static final Shutdown PATIENT = new Shutdown(Duration.ofMinutes(1));
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void release() {
    Thread.interrupted(); // whatever a test left, the next starts clean
    never.countDown();
  }

  @Test
  void waitingForAPoolToEndKeepsTheInterrupt() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.execute(this::block);
    pool.shutdown();
    Thread.currentThread().interrupt();
    PATIENT.await(pool);
    assertTrue(Thread.interrupted(), "the interrupt flag was kept");
  }

  @Test
  void waitingForWorkersToExitKeepsTheInterrupt() {
    Thread worker = Thread.ofPlatform().daemon().start(this::block);
    Thread.currentThread().interrupt();
    PATIENT.join(List.of(worker));
    assertTrue(Thread.interrupted(), "the interrupt flag was kept");
  }

  @Test
  void waitingForCallbacksKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    PATIENT.await(List.of(new CompletableFuture<Void>()));
    assertTrue(Thread.interrupted(), "the interrupt flag was kept");
  }

  @Test
  void aCodeStillWaitingForAPermitEndsCanceledAndKeepsTheInterrupt() {
    Fetcher fetcher =
        new Fetcher() {
          @Override
          public Result fetch(String code) {
            throw new AssertionError("fetched without a permit");
          }

          @Override
          public CompletableFuture<Result> fetchAsync(String code) {
            throw new AssertionError("not asked");
          }
        };
    Thread.currentThread().interrupt();
    Result result = fetcher.fetch("BR", new Semaphore(0));
    assertTrue(Thread.interrupted(), "the interrupt flag was kept");
    assertEquals(Result.error("BR", 0, 0, "Canceled"), result);
  }

  private void block() {
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
