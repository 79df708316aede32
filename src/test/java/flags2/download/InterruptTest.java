package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.common.Codes;
import flags2.report.ExitStatus;
import flags2.strategy.Shutdown;
import flags2.strategy.StrategyKind;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.StallingDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C mid-run, for every strategy: exit 130, a report that adds up, no partial files. The runs
 * wait a minute for their workers, longer than the tests wait for a run: a download Ctrl-C fails to
 * stop holds the run past the test's bound, whatever the machine's load.
 */
class InterruptTest {
  private static final Shutdown PATIENT = new Shutdown(Duration.ofMinutes(1));

  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  private static int count(String out, String pattern) {
    Matcher m = Pattern.compile("^(\\d+) " + pattern + "\\.$", Pattern.MULTILINE).matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * Runs {@code -m 4 a} with {@code extra} against a server that stalls all but three codes
   * mid-body, and fires Ctrl-C once a stalled request has arrived.
   */
  private Flags2Runner.Run ctrlCMidRun(StrategyKind strategy, String... extra) throws Exception {
    StallingDispatcher dispatcher = new StallingDispatcher(3);
    server.setDispatcher(dispatcher);
    Interrupt ctrlC = new Interrupt(status -> {}, PATIENT);
    List<String> args =
        Flags2Runner.download(
            server.url("/flags"), dest, strategy, "-m", "4", "a", "--timeout", "60");
    args.addAll(List.of(extra));
    CompletableFuture<Flags2Runner.Run> running =
        CompletableFuture.supplyAsync(() -> new Flags2Runner().interrupt(ctrlC).run(args));
    assertTrue(dispatcher.stalling.await(10, TimeUnit.SECONDS), "no request reached the server");
    ctrlC.fire();
    return running.get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void jsonAfterCtrlCListsEveryCodeOnceTheCancelledOnesAsNotAttempted(StrategyKind strategy)
      throws Exception {
    Flags2Runner.Run run = ctrlCMidRun(strategy, "--json");

    assertEquals(130, run.status(), run.out() + run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<JsonNode> results = new ArrayList<>();
    json.get("results").forEach(results::add);
    assertEquals(
        Codes.expand(List.of("a"), false, false, 26),
        results.stream().map(r -> r.get("code").asText()).toList(),
        "one result per requested code, in order");
    List<JsonNode> notAttempted =
        results.stream().filter(r -> r.get("outcome").asText().equals("not_attempted")).toList();
    assertEquals(json.get("not_attempted").asInt(), notAttempted.size());
    assertTrue(notAttempted.size() > 0, run.out());
    for (JsonNode r : notAttempted) {
      assertEquals(0, r.get("attempts").asInt(), r.toString());
      assertTrue(r.get("file").isNull() && r.get("http_status").isNull(), r.toString());
    }
    for (JsonNode r : results) {
      if (r.get("outcome").asText().equals("ok")) {
        Path file = Path.of(r.get("file").asText());
        assertEquals(dest.resolve(r.get("code").asText().toLowerCase() + ".gif"), file);
        assertEquals(r.get("bytes").asLong(), Files.size(file));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCCancelsReportsWhatWasDoneAndLeavesNoPartialFile(StrategyKind strategy)
      throws Exception {
    Flags2Runner.Run run = ctrlCMidRun(strategy);

    assertEquals(130, run.status(), run.out() + run.err());
    int ok = count(run.out(), "flags? downloaded");
    int errors = count(run.out(), "errors?");
    int notAttempted = count(run.out(), "not attempted");
    assertTrue(notAttempted > 0, run.out());
    assertEquals(26, ok + count(run.out(), "not found") + errors + notAttempted, run.out());
    try (Stream<Path> files = Files.list(dest)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), names.toString());
      assertEquals(ok, names.size(), names.toString());
    }
  }

  /**
   * Ctrl-C while a body trickles in: the image is being written, the headers long since arrived
   * (OkHttp's Dispatcher no longer tracks a blocking call then). It must stop without waiting for
   * the body (held for a minute, the 60 s timeout never reached) and leave no partial file.
   */
  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCDuringASlowBodyStopsAtOnceAndLeavesNoPartialFile(StrategyKind strategy)
      throws Exception {
    server.setDispatcher(new StallingDispatcher(0));
    Interrupt ctrlC = new Interrupt(status -> {}, PATIENT);
    List<String> args =
        List.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "-m",
            "2",
            "aa",
            "ab",
            "--timeout",
            "60");
    try (WatchService watcher = dest.getFileSystem().newWatchService()) {
      dest.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY);
      CompletableFuture<Flags2Runner.Run> running =
          CompletableFuture.supplyAsync(() -> new Flags2Runner().interrupt(ctrlC).run(args));
      assertTrue(partialFileGrows(watcher), "no image was being written");
      ctrlC.fire();
      Flags2Runner.Run run = running.get(20, TimeUnit.SECONDS);

      assertEquals(130, run.status(), run.out() + run.err());
      assertEquals(2, count(run.out(), "not attempted"), run.out());
    }
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(List.of(), files.toList());
    }
  }

  /**
   * Waits, at most 10 s, until bytes are written to a {@code .part} file in the watched folder: the
   * client has read the first bytes of a body and is blocked reading the rest.
   */
  private static boolean partialFileGrows(WatchService watcher) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
      if (key == null) {
        return false;
      }
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.context().toString().endsWith(".part")) {
          return true;
        }
      }
      key.reset();
    }
    return false;
  }

  @Test
  void aSecondCtrlCRunsTheHardStop() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger hard = new AtomicInteger();
    AtomicLong clock = new AtomicLong();
    Interrupt interrupt =
        new Interrupt(status -> hard.incrementAndGet(), Shutdown.STANDARD, clock::get);
    try (Interrupt.Registration registration = interrupt.onInterrupt(first::incrementAndGet)) {
      interrupt.fire();
      assertEquals(1, first.get());
      assertEquals(0, hard.get());
      clock.addAndGet(Interrupt.SAME_SIGNAL.toNanos());
      interrupt.fire();
      assertEquals(1, first.get());
      assertEquals(1, hard.get());
    }
  }

  /**
   * GNU {@code timeout} sends its signal to the command, then to the command's process group: one
   * signal delivered twice at once still ends in the first one's stop and its report, not a halt.
   */
  @ParameterizedTest
  @EnumSource(
      value = ExitStatus.class,
      names = {"INTERRUPTED", "TERMINATED", "HUNG_UP"})
  void theSameSignalDeliveredTwiceAtOnceIsOneSignal(ExitStatus signal) {
    AtomicInteger stops = new AtomicInteger();
    List<ExitStatus> halts = new CopyOnWriteArrayList<>();
    AtomicLong clock = new AtomicLong(5_000_000_000L);
    Interrupt interrupt = new Interrupt(halts::add, Shutdown.STANDARD, clock::get);
    interrupt.onInterrupt(stops::incrementAndGet);

    interrupt.fire(signal);
    clock.addAndGet(Interrupt.SAME_SIGNAL.toNanos() - 1);
    interrupt.fire(signal);

    assertEquals(1, stops.get());
    assertEquals(List.of(), halts, "the signal delivered again halted the process");
    assertEquals(signal, interrupt.status());
  }

  @Test
  void aSecondSignalOfAnotherKindHaltsHoweverSoonItComes() {
    List<ExitStatus> halts = new CopyOnWriteArrayList<>();
    Interrupt interrupt = new Interrupt(halts::add, Shutdown.STANDARD, () -> 0L);
    interrupt.fire(ExitStatus.INTERRUPTED);
    interrupt.fire(ExitStatus.TERMINATED);
    assertEquals(List.of(ExitStatus.TERMINATED), halts);
    assertEquals(ExitStatus.INTERRUPTED, interrupt.status());
  }

  @Test
  void aSecondSignalRunsEveryCleanupBeforeHaltingEvenWhenOneFails() {
    List<String> events = new CopyOnWriteArrayList<>();
    Interrupt interrupt = new Interrupt(status -> events.add("halt " + status.code));
    interrupt.beforeHalt(() -> events.add("cleanup"));
    interrupt.beforeHalt(
        () -> {
          throw new IllegalStateException("DEST gone");
        });
    interrupt.beforeHalt(() -> events.add("second cleanup"));

    interrupt.fire();
    assertEquals(List.of(), events, "the first signal stops the run, nothing more");
    interrupt.fire(ExitStatus.TERMINATED);

    assertEquals(3, events.size(), events.toString());
    assertEquals(Set.of("cleanup", "second cleanup"), Set.copyOf(events.subList(0, 2)));
    assertEquals("halt 143", events.get(2), "halts only once every cleanup has run");
  }

  @Test
  void aSignalAfterTheRegistrationClosedRunsNothing() {
    Interrupt interrupt = Interrupt.none();
    AtomicInteger acted = new AtomicInteger();
    interrupt.onInterrupt(acted::incrementAndGet).close();
    interrupt.fire();
    assertEquals(0, acted.get());
  }

  @Test
  void aCtrlCBeforeTheRunRegisteredIsNotLost() {
    Interrupt interrupt = Interrupt.none();
    interrupt.fire();
    AtomicInteger acted = new AtomicInteger();
    interrupt.onInterrupt(acted::incrementAndGet).close();
    assertEquals(1, acted.get());
  }
}
