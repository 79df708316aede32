package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.Console;
import flags2.serve.Delay;
import flags2.serve.TestServers;
import flags2.testing.Flags2Runner;
import flags2.testing.ReservedPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flags2 serve} as a user runs it: ready lines, then downloads against it, then Ctrl-C. */
class ServeCommandTest {
  @TempDir Path dest;

  /** A port for LOCAL: free for the servers, taken by nobody else. */
  @AutoClose private final ReservedPort reserved = ReservedPort.open();

  /** {@code flags2 serve ARGS} on a thread of its own, its stdout and stderr piped back. */
  private static final class Serving {
    private final PipedInputStream outPipe = new PipedInputStream(64 * 1024);
    private final PipedInputStream errPipe = new PipedInputStream(64 * 1024);
    private final Interrupt ctrlC = new Interrupt(again -> {});
    private final AtomicInteger status = new AtomicInteger(-1);
    private final Thread thread;
    private String note; // its first line on stderr, once ready

    Serving(String... args) throws IOException {
      PrintStream out =
          new PrintStream(new PipedOutputStream(outPipe), true, StandardCharsets.UTF_8);
      PrintStream err =
          new PrintStream(new PipedOutputStream(errPipe), true, StandardCharsets.UTF_8);
      Env env = new Env(new Console(out, err, false, 80), Site.standard(), System::nanoTime, ctrlC);
      List<String> all = new ArrayList<>(List.of("serve"));
      all.addAll(List.of(args));
      thread =
          Thread.ofPlatform().start(() -> status.set(Cli.run(all.toArray(String[]::new), env)));
    }

    /** The three ready lines, then the note on stderr, which comes after the ready file. */
    List<String> awaitReady() {
      return awaitReady(3);
    }

    /** The first {@code lines} lines of stdout, then the note on stderr. */
    List<String> awaitReady(int lines) {
      List<String> ready = new ArrayList<>();
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            BufferedReader stdout =
                new BufferedReader(new InputStreamReader(outPipe, StandardCharsets.UTF_8));
            for (int i = 0; i < lines; i++) {
              ready.add(stdout.readLine());
            }
            note =
                new BufferedReader(new InputStreamReader(errPipe, StandardCharsets.UTF_8))
                    .readLine();
          });
      return ready;
    }

    /** Ctrl-C; the exit status. */
    int stop() throws InterruptedException {
      ctrlC.fire();
      thread.join(Duration.ofSeconds(5));
      return status.get();
    }
  }

  @Test
  void saysOnStderrWhatItServesAndHowItMisbehaves() throws Exception {
    Serving serving =
        new Serving(
            "--ports",
            "0,0,0",
            "--delay",
            "0.1-0.3",
            "--error-rate",
            "0.3",
            "--error-delay-share",
            "0.6",
            "--error-status",
            "503",
            "--seed",
            "7");
    serving.awaitReady();
    assertEquals(
        "serving generated images for 194 codes; delay 0.1-0.3s; ERROR: 30% answered 503, 60%"
            + " delayed; seed 7. Ctrl-C stops.",
        serving.note);
    assertEquals(130, serving.stop());

    Path dir = Files.createDirectories(dest.resolve("flags tree"));
    Serving fromDir = new Serving("--ports", "0,0,0", "--dir", dir.toString());
    fromDir.awaitReady();
    assertTrue(
        fromDir.note.startsWith("serving " + dir + "; delay 0.5s; ERROR: 25%"), fromDir.note);
    assertEquals(130, fromDir.stop());
  }

  @Test
  void printsAReadyLinePerServerAndServesUntilInterrupted() throws Exception {
    Serving serving = new Serving("--ports", "0,0,0", "--delay", "0.05");
    List<String> ready = serving.awaitReady();
    assertTrue(
        ready.get(0).matches("LOCAL ready: http://127\\.0\\.0\\.1:\\d+/flags"), ready.get(0));
    assertTrue(ready.get(1).startsWith("DELAY ready: "), ready.get(1));
    assertTrue(ready.get(2).startsWith("ERROR ready: "), ready.get(2));

    String delayUrl = ready.get(1).substring("DELAY ready: ".length());
    Flags2Runner.Run run =
        new Flags2Runner().run("-s", delayUrl, "-d", dest.toString(), "a", "b", "c");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.outLines().contains("43 flags downloaded."), run.out());
    assertTrue(run.outLines().contains("35 not found."), run.out());

    assertEquals(130, serving.stop());
  }

  @Test
  void tlsServesHttpsAndWritesTheCaForCacert() throws Exception {
    Path ca = dest.resolve("ca.pem");
    Serving serving = new Serving("--ports", "0,0,0", "--tls", "--ca-file", ca.toString());
    List<String> lines = serving.awaitReady(4);
    assertTrue(
        lines.get(0).matches("LOCAL ready: https://127\\.0\\.0\\.1:\\d+/flags"), lines.get(0));
    assertEquals("CA: " + ca, lines.get(3));
    assertTrue(Files.readString(ca).startsWith("-----BEGIN CERTIFICATE-----"));

    String localUrl = lines.get(0).substring("LOCAL ready: ".length());
    Flags2Runner.Run run =
        new Flags2Runner()
            .run("-s", localUrl, "--cacert", ca.toString(), "-d", dest.toString(), "br", "cn");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.outLines().contains("2 flags downloaded."), run.out());
    assertEquals(130, serving.stop());
  }

  @Test
  void theReadyFileHoldsTheReadyLinesOnceAllListenAndIsGoneWhenTheyStop() throws Exception {
    Path readyFile = dest.resolve("ready");
    Serving serving = new Serving("--ports", "0,0,0", "--ready-file", readyFile.toString());
    List<String> printed = serving.awaitReady();
    assertEquals(printed, Files.readAllLines(readyFile));
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(List.of(readyFile), files.toList(), "no temporary file left beside it");
    }

    assertEquals(130, serving.stop());
    assertFalse(Files.exists(readyFile), "a stopped server is never 'ready'");
  }

  @Test
  void aReadyFileThatCannotBeWrittenStopsTheServersWithOneLine() throws IOException {
    Path nowhere = dest.resolve("missing").resolve("ready");
    int port = reserved.number();
    Flags2Runner.Run run =
        new Flags2Runner()
            .run("serve", "--ports", port + ",0,0", "--ready-file", nowhere.toString());
    assertEquals(1, run.status());
    assertEquals(
        "*** Error: cannot write --ready-file '" + nowhere + "': no such directory\n", run.err());
    assertEquals("", run.out(), "no server was ever said to be ready");
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort(), "LOCAL's port is free again");
    }
  }

  @Test
  void aCaFileThatCannotBeWrittenIsOneLineAndNoServerStarts() {
    Path nowhere = dest.resolve("missing").resolve("ca.pem");
    Flags2Runner.Run run =
        new Flags2Runner()
            .run("serve", "--ports", "0,0,0", "--tls", "--ca-file", nowhere.toString());
    assertEquals(1, run.status());
    assertEquals(
        "*** Error: cannot write --ca-file '" + nowhere + "': no such directory\n", run.err());
    assertEquals("", run.out(), "no server was ever said to be ready");
  }

  @Test
  void retriesGetThroughAnErrorServerAnswering503WithRandomSeed() throws Exception {
    TestServers.Config config =
        TestServers.Config.defaults()
            .withPorts(Map.of(Site.ERROR, 0))
            .withErrorStatus(503)
            .withSeed(OptionalLong.empty())
            .withDelay(new Delay(0, 0));
    try (TestServers servers = TestServers.start(config, EnumSet.of(Site.ERROR))) {
      String url = servers.url(Site.ERROR).toString();
      // 10 codes each failed with p = 0.25 per request: all 11 tries failing is a 1 in 400 000
      // chance for one of them
      Flags2Runner.Run run =
          new Flags2Runner()
              .run("-s", url, "-d", dest.toString(), "-v", "--retries", "10", "-a", "-l", "10");
      assertEquals(0, run.status(), run.out());
      assertTrue(run.outLines().contains("10 flags downloaded."), run.out());
    }
  }

  @Test
  void aTakenPortIsOneLineNamingItAndNothingIsLeftListening() throws IOException {
    int free = reserved.number(); // LOCAL's port, to check it is let go
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Flags2Runner.Run run =
          new Flags2Runner()
              .run("serve", "--ports", free + ",0," + taken.getLocalPort(), "--delay", "0");

      assertEquals(1, run.status(), run.err());
      assertEquals("", run.out());
      assertEquals(
          "*** Error: cannot listen on 127.0.0.1:"
              + taken.getLocalPort()
              + " (ERROR): address already in use; choose others with --ports\n",
          run.err());
    }
    try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(free, again.getLocalPort(), "LOCAL's port is free again");
    }
  }

  @Test
  void badServeOptionsAreUsageErrors() throws IOException {
    Flags2Runner.Run run = new Flags2Runner().run("serve", "--ports", "1,2");
    assertEquals(2, run.status());
    assertEquals(
        "*** Usage error: --ports takes three ports, L,D,E, each 0 to 65535.\n"
            + "Usage: flags2 serve [OPTIONS]  (try 'flags2 serve --help')\n",
        run.err());
    assertEquals(2, new Flags2Runner().run("serve", "--delay", "soon").status());
    assertEquals(2, new Flags2Runner().run("serve", "--seed", "lucky").status());
    assertEquals(2, new Flags2Runner().run("serve", "--error-rate", "1.5").status());
    assertEquals(
        2, new Flags2Runner().run("serve", "--dir", dest.resolve("missing").toString()).status());
    assertEquals(
        "*** Usage error: --ready-file must name a file, not the directory '" + dest + "'.",
        new Flags2Runner()
            .run("serve", "--ready-file", dest.toString())
            .err()
            .lines()
            .findFirst()
            .get());
    assertEquals(
        "*** Usage error: --error-status must be 400 to 599, other than 404, not 404.",
        new Flags2Runner().run("serve", "--error-status", "404").err().lines().findFirst().get());
  }
}
