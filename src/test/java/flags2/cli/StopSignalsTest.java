package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import flags2.strategy.Shutdown;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C, {@code kill}, {@code timeout} and a closed terminal each stop a run and end it with their
 * own status; a signal the shell started flags2 with ignored ({@code nohup}) stays ignored and
 * costs the others nothing.
 */
class StopSignalsTest {
  private final Map<String, Runnable> handlers = new HashMap<>();
  private final List<ExitStatus> halted = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong();
  private final Interrupt interrupt = new Interrupt(halted::add, Shutdown.STANDARD, clock::get);

  @ParameterizedTest
  @CsvSource({"INT, INTERRUPTED", "TERM, TERMINATED", "HUP, HUNG_UP"})
  void eachSignalStopsTheRunWithItsOwnStatus(String signal, ExitStatus status) {
    AtomicBoolean stopped = new AtomicBoolean();
    interrupt.onInterrupt(() -> stopped.set(true));
    StopSignals.install(interrupt, handlers::put);

    handlers.get(signal).run();

    assertTrue(stopped.get(), signal + " stopped the run");
    assertEquals(status, interrupt.status());
    clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    handlers.get(signal).run();
    assertEquals(
        List.of(status),
        halted,
        "a second " + signal + ", a second later, ends the process at once");
  }

  @Test
  void theThreeStopSignalsAndNoOtherAreHandled() {
    StopSignals.install(interrupt, handlers::put);

    assertEquals(Set.of("INT", "TERM", "HUP"), handlers.keySet());
  }

  @Test
  void aSignalStartedIgnoredStaysIgnoredAndTheOthersStillWork() {
    StopSignals.install(
        interrupt,
        (signal, action) -> {
          if (signal.equals("HUP")) {
            throw new IllegalArgumentException("Signal already used by VM or OS: SIGHUP");
          }
          handlers.put(signal, action);
        });

    assertEquals(Set.of("INT", "TERM"), handlers.keySet());
    handlers.get("TERM").run();
    assertEquals(ExitStatus.TERMINATED, interrupt.status());
  }
}
