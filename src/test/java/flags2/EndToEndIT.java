package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.MockServers;
import flags2.testing.StallingDispatcher;
import flags2.testing.Streams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The packaged command as a subprocess, against {@code flags2 serve} in another process. */
class EndToEndIT {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final String JAR = System.getProperty("flags2.jar", "target/flags2.jar");
  private static Process serve;
  private static final Map<String, String> urls = new HashMap<>();

  @TempDir Path dest;

  record Outcome(int status, String out, String err) {}

  @BeforeAll
  static void startServers() throws Exception {
    serve =
        new ProcessBuilder(JAVA, "-jar", JAR, "serve", "--ports", "0,0,0", "--delay", "0.05")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 3; i++) {
                  String[] parts = reader.readLine().split(" ready: ");
                  urls.put(parts[0], parts[1]);
                }
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            })
        .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    serve.destroy();
    serve.waitFor(10, TimeUnit.SECONDS);
  }

  private static Outcome flags2(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> out = Streams.readAll(process.getInputStream());
    CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "flags2 did not finish: " + command);
    return new Outcome(process.exitValue(), out.get(), err.get());
  }

  @Test
  void downloadsTheBooksCountsFromTheDelayServer() throws Exception {
    Outcome run = flags2("-s", urls.get("DELAY"), "-d", dest.toString(), "a", "b", "c");

    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of(
            "URL site: " + urls.get("DELAY"),
            "Searching for 78 flags: from AA to CZ",
            "30 concurrent connections will be used.",
            "--------------------",
            "43 flags downloaded.",
            "35 not found."),
        lines.subList(0, 6));
    assertTrue(lines.get(6).matches("Elapsed time: \\d+\\.\\d\\ds"), lines.get(6));
    try (var files = Files.list(dest)) {
      assertEquals(43, files.filter(p -> p.toString().endsWith(".gif")).count());
    }
  }

  @Test
  void debugPrintsOneLineInOneFormatPerRequest() throws Exception {
    Outcome run =
        flags2(
            "-s", urls.get("LOCAL"), "-d", dest.toString(), "--debug", "-t", "async", "br", "xx");

    assertEquals(0, run.status(), run.err());
    List<String> requests =
        run.err().lines().filter(l -> l.startsWith("DEBUG RequestLog - ")).sorted().toList();
    assertEquals(2, requests.size(), run.err());
    String base = urls.get("LOCAL");
    assertTrue(
        requests
            .get(0)
            .matches(
                "DEBUG RequestLog - GET \\Q"
                    + base
                    + "/br/br.gif\\E -> 200, \\d+ bytes, \\d+ ms, attempt 1"),
        requests.get(0));
    assertTrue(
        requests
            .get(1)
            .matches(
                "DEBUG RequestLog - GET \\Q" + base + "/xx/xx.gif\\E -> 404, \\d+ ms, attempt 1"),
        requests.get(1));
    assertTrue(
        run.err().lines().allMatch(l -> l.matches("(DEBUG|INFO|WARN|ERROR) \\S+ - .*")),
        "every stderr line in one format:\n" + run.err());
    assertTrue(run.err().lines().noneMatch(l -> l.contains("TaskRunner")), run.err());
  }

  @Test
  void theErrorServerGivesTheSameCountsEveryRunAndExitsOne() throws Exception {
    Outcome first = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-a", "-v");
    Outcome second = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-a", "-v");

    assertEquals(1, first.status());
    assertTrue(first.out().contains("*** Error for "), first.out());
    assertTrue(first.out().contains(": HTTP error 418 - I'm a Teapot"), first.out());
    assertEquals(counts(first.out()), counts(second.out()));
  }

  /**
   * Starts flags2 with SIGINT at its default, as a terminal would (background jobs inherit it
   * ignored).
   */
  private static Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("env", "--default-signal=INT", JAVA, "-jar", JAR));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCExits130WithinTwoSecondsWithAReportThatAddsUpAndNoPartialFiles(StrategyKind strategy)
      throws Exception {
    try (MockWebServer server = MockServers.noDelay()) {
      StallingDispatcher stalling = new StallingDispatcher(0);
      server.setDispatcher(stalling);
      server.start();
      Process process =
          start(
              "-s",
              server.url("/flags").toString(),
              "-d",
              dest.toString(),
              "-t",
              strategy.cliName(),
              "--timeout",
              "60",
              "a");
      CompletableFuture<String> out = Streams.readAll(process.getInputStream());
      CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
      assertTrue(stalling.stalling.await(30, TimeUnit.SECONDS), "no request arrived");

      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
      long signalled = System.nanoTime();
      assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after Ctrl-C");
      long millis = (System.nanoTime() - signalled) / 1_000_000;

      assertEquals(130, process.exitValue(), out.get() + err.get());
      assertTrue(millis < 2000, "exited " + millis + " ms after Ctrl-C");
      assertTrue(out.get().contains("26 not attempted."), out.get());
      try (var files = Files.list(dest)) {
        assertEquals(List.of(), files.toList());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void theProcessExitsWithinASecondOfItsReport(StrategyKind strategy) throws Exception {
    Process process =
        start("-s", urls.get("LOCAL"), "-d", dest.toString(), "-t", strategy.cliName(), "-a");
    CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("Elapsed time: ")) {
      // the report, up to its last line
    }
    long reported = System.nanoTime();
    assertTrue(process.waitFor(5, TimeUnit.SECONDS));
    long millis = (System.nanoTime() - reported) / 1_000_000;
    assertEquals(0, process.exitValue(), err.get());
    assertTrue(millis < 1000, "exited " + millis + " ms after its report");
  }

  @Test
  void aThousandRequestRunUnderASmallOpenFileLimitAccountsForEveryCode() throws Exception {
    String command = "ulimit -n 256 && exec \"$0\" -jar \"$1\" -s \"$2\" -d \"$3\" -e -m 1000";
    Process process =
        new ProcessBuilder("bash", "-c", command, JAVA, JAR, urls.get("DELAY"), dest.toString())
            .start();
    CompletableFuture<String> out = Streams.readAll(process.getInputStream());
    CompletableFuture<String> err = Streams.readAll(process.getErrorStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not finish");
    assertEquals(0, process.exitValue(), out.get() + err.get());
    assertTrue(
        err.get().startsWith("note: the open-file limit (ulimit -n 256) allows "), err.get());
    assertTrue(
        out.get().contains("194 flags downloaded.") && out.get().contains("482 not found."),
        out.get());
  }

  @Test
  void jsonCountsEqualTheHumanReportsForTheSameServer() throws Exception {
    Outcome human = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-e");
    Outcome json = flags2("-s", urls.get("ERROR"), "-d", dest.toString(), "-e", "--json");
    com.fasterxml.jackson.databind.JsonNode tree =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals(human.status(), json.status());
    assertEquals(human.status(), tree.get("exit_status").asInt());
    assertEquals(
        counts(human.out()),
        List.of(
            tree.get("ok").asInt() + " flags downloaded.",
            tree.get("not_found").asInt() + " not found.",
            tree.get("error").asInt() + " errors."));
    assertEquals(676, tree.get("results").size());
  }

  private static List<String> counts(String out) {
    return out.lines()
        .filter(l -> l.matches("\\d+ (flags? downloaded|not found|errors?)\\."))
        .toList();
  }

  @Test
  void aUsageErrorExitsTwoWithOneLineAndUsage() throws Exception {
    Outcome run = flags2("-d", dest.resolve("new").toString(), "xyz");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "*** Usage error: 'xyz' is not a country code: each CC argument must be A to Z or AA to ZZ.",
            "Usage: flags2 [OPTIONS] [CC...]  (try 'flags2 --help')"),
        run.err().lines().toList());
    assertTrue(Files.notExists(dest.resolve("new")));
  }

  @Test
  void benchRunsItsOwnDelayServerInAnotherProcessAndStopsIt() throws Exception {
    Path html = dest.resolve("bench.html");
    Outcome bench =
        flags2(
            "bench",
            "--runs",
            "1",
            "-m",
            "1,8",
            "--delay",
            "0.002",
            "-t",
            "sequential,virtual",
            "--html",
            html.toString(),
            "a");

    assertEquals(0, bench.status(), bench.err());
    List<String> lines = bench.out().lines().toList();
    java.util.regex.Matcher from =
        java.util.regex.Pattern.compile(
                "flags2 bench: 26 flags \\(AA to AZ\\) from DELAY (http://127\\.0\\.0\\.1:(\\d+)/flags)")
            .matcher(lines.getFirst());
    assertTrue(from.matches(), lines.getFirst());
    assertEquals(
        "server: 'flags2 serve' in its own process, delayed responses 0.002s", lines.get(1));
    List<String> rows =
        lines.stream()
            .filter(l -> l.matches("(sequential|virtual) +\\d.*"))
            .map(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 3)))
            .toList();
    assertEquals(List.of("sequential 1 1", "virtual 1 1", "virtual 8 8"), rows);
    assertTrue(Files.readString(html).contains("<svg"));
    try (java.net.Socket socket = new java.net.Socket()) {
      int port = Integer.parseInt(from.group(2));
      assertThrows(
          IOException.class,
          () -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000),
          "the bench's server process is stopped when the bench ends");
    }
  }
}
