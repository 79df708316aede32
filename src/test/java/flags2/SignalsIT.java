package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.testing.MockServers;
import flags2.testing.StallingDispatcher;
import flags2.testing.Streams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM and SIGHUP, as {@code kill}, {@code timeout} and a cancelled CI job send them, to the
 * packaged jar: the same path as Ctrl-C (calls cancelled, a report whose counts add up, no partial
 * file), each ending with its own status, 128 + the signal's number.
 */
class SignalsIT {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final String JAR = System.getProperty("flags2.jar", "target/flags2.jar");

  @TempDir Path dest;

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** A download from {@code server} into {@code dest}, with a 60 s timeout and {@code args}. */
  private Process download(MockWebServer server, String... args) throws IOException {
    List<String> all =
        new ArrayList<>(
            List.of(
                "-s", server.url("/flags").toString(), "-d", dest.toString(), "--timeout", "60"));
    all.addAll(List.of(args));
    return start(all.toArray(String[]::new));
  }

  private static void kill(String signal, Process process) throws Exception {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
  }

  /**
   * Sent once, or twice back to back as GNU {@code timeout} sends it (to the command, then to its
   * process group): either way one stop, one report.
   */
  @ParameterizedTest(name = "SIG{0} x{1} exits {2}")
  @CsvSource({"TERM, 1, 143", "HUP, 1, 129", "TERM, 2, 143", "INT, 2, 130"})
  void aStopSignalEndsTheRunLikeCtrlCWithItsOwnStatusAndAJsonObjectThatAddsUp(
      String signal, int times, int status) throws Exception {
    try (MockWebServer server = MockServers.noDelay()) {
      StallingDispatcher stalling = new StallingDispatcher(0);
      server.setDispatcher(stalling);
      server.start();
      Process process = download(server, "--json", "a");
      CompletableFuture<String> out = Streams.readAll(process.getInputStream());
      CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
      assertTrue(stalling.stalling.await(30, TimeUnit.SECONDS), "no request arrived");

      String kill = "kill -" + signal + " " + process.pid();
      new ProcessBuilder("bash", "-c", String.join("; ", Collections.nCopies(times, kill)))
          .start()
          .waitFor();
      long signalled = System.nanoTime();
      assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIG" + signal);
      long millis = (System.nanoTime() - signalled) / 1_000_000;

      assertEquals(status, process.exitValue(), out.get() + err.get());
      assertTrue(millis < 2000, "exited " + millis + " ms after SIG" + signal);
      JsonNode json = new ObjectMapper().readTree(out.get());
      assertEquals(status, json.get("exit_status").asInt(), out.get());
      assertEquals(26, json.get("not_attempted").asInt(), out.get());
      int total =
          json.get("ok").asInt()
              + json.get("not_found").asInt()
              + json.get("error").asInt()
              + json.get("not_attempted").asInt();
      assertEquals(26, total, out.get());
      try (var files = Files.list(dest)) {
        assertEquals(List.of(), files.toList());
      }
    }
  }

  @ParameterizedTest(name = "{0} then {1}")
  // Two different signals sent back to back may be handled in either order: the JVM runs each
  // signal's handler on a thread of its own. Either way the process ends with a signal's status.
  // (The same signal twice at once is one signal delivered twice, above.)
  @CsvSource({"INT, TERM, 130|143", "TERM, HUP, 143|129"})
  void aSecondSignalHaltsAtOnceAndStillLeavesNoPartialFile(
      String firstSignal, String second, String status) throws Exception {
    try (MockWebServer server = MockServers.noDelay()) {
      StallingDispatcher stalling = new StallingDispatcher(0);
      server.setDispatcher(stalling);
      server.start();
      Process process;
      try (WatchService watcher = dest.getFileSystem().newWatchService()) {
        dest.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        process = download(server, "-m", "26", "a");
        Streams.readAll(process.getInputStream());
        Streams.readAll(process.getErrorStream());
        assertTrue(
            partialFilesCreated(watcher, 26), "26 bodies under way, each with its partial file");
      }

      // back to back, from one process
      String pid = String.valueOf(process.pid());
      new ProcessBuilder(
              "bash", "-c", "kill -" + firstSignal + " " + pid + "; kill -" + second + " " + pid)
          .start()
          .waitFor();

      assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running after two signals");
      assertTrue(
          List.of(status.split("\\|")).contains(String.valueOf(process.exitValue())),
          "exit " + process.exitValue() + ", expected " + status);
      try (var files = Files.list(dest)) {
        assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-v", "--json"})
  void stdoutClosedByItsReaderStopsTheRunPromptlyWith141(String output) throws Exception {
    try (MockWebServer server = MockServers.noDelay()) {
      StallingDispatcher stalling = new StallingDispatcher(3);
      server.setDispatcher(stalling);
      server.start();
      Process process = download(server, output, "a");
      CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      if (output.equals("-v")) {
        out.readLine(); // as 'head -1' does
      }
      assertTrue(stalling.stalling.await(30, TimeUnit.SECONDS), "no request arrived");
      out.close();

      if (output.equals("--json")) { // its one write comes at the end: stop the run with TERM
        kill("TERM", process);
      }
      assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still downloading into a closed pipe");
      assertEquals(output.equals("-v") ? 141 : 143, process.exitValue(), err.get());
      assertTrue(err.get().lines().count() <= 1, err.get());
      try (var files = Files.list(dest)) {
        assertEquals(
            List.of(),
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList());
      }
    }
  }

  /** Waits, at most 30 s, until {@code count} partial files have been created in the folder. */
  private static boolean partialFilesCreated(WatchService watcher, int count)
      throws InterruptedException {
    int created = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (long left; created < count && (left = deadline - System.nanoTime()) > 0; ) {
      WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
      if (key == null) {
        return false;
      }
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.context().toString().endsWith(".part")) {
          created++;
        }
      }
      key.reset();
    }
    return created >= count;
  }

  /**
   * SIGTERM as cell {@code cell} of 100 starts: the bench stops its server process and ends 143,
   * with a report of the cells finished marked partial, or none when none finished.
   */
  @ParameterizedTest(name = "SIGTERM at cell {0}")
  @CsvSource({"1", "2"})
  void sigtermStopsTheBenchAndTheServerProcessItStartedAndReportsTheCellsFinished(int cell)
      throws Exception {
    Path html = dest.resolve("bench.html");
    Process bench =
        start(
            "bench",
            "--runs",
            "100",
            "-m",
            "1",
            "-t",
            "sequential",
            "--delay",
            "0.02",
            "--html",
            html.toString(),
            "a");
    CompletableFuture<String> out = Streams.readAll(bench.getInputStream());
    BufferedReader err =
        new BufferedReader(new InputStreamReader(bench.getErrorStream(), StandardCharsets.UTF_8));
    // the server is up, the warm-up run done and cell - 1 cells measured once this line comes
    CompletableFuture<Boolean> measuring = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                for (String line; (line = err.readLine()) != null; ) {
                  if (line.startsWith("bench: cell " + cell + "/100 ")) {
                    measuring.complete(true);
                    return;
                  }
                }
                measuring.complete(false);
              } catch (IOException e) {
                measuring.complete(false);
              }
            });
    List<ProcessHandle> children = List.of();
    try {
      assertTrue(measuring.get(60, TimeUnit.SECONDS), "the bench never reached cell " + cell);
      children = bench.toHandle().children().toList();
      assertFalse(children.isEmpty(), "no server process");

      kill("TERM", bench);

      assertTrue(bench.waitFor(10, TimeUnit.SECONDS), "bench still running 10 s after SIGTERM");
      assertEquals(143, bench.exitValue(), out.get());
      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(child.isAlive(), "the bench's server process outlived it");
      }
      if (cell == 1) {
        assertEquals("", out.get(), "no cell finished: no report");
        assertFalse(Files.exists(html), "no cell finished: no report");
      } else {
        String partial = "partial: interrupted after " + (cell - 1) + " of 100 cells";
        assertTrue(out.get().contains("\n" + partial + "\n"), out.get());
        assertTrue(Files.readString(html).contains(partial));
      }
    } finally {
      children.forEach(ProcessHandle::destroyForcibly);
      bench.destroyForcibly();
    }
  }
}
