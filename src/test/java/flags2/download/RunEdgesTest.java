package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.report.Console;
import flags2.report.ExitStatus;
import flags2.strategy.Shutdown;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.MockServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run at its edges, where the safety nets of {@link DownloadRun} are the only thing between the
 * user and a wrong status, a connection left open or a partial file: a Ctrl-C that lands while the
 * last result is printed, a report that throws partway, a worker stuck at Ctrl-C with a partial
 * file, an image cut off before its retry. The test's stdout does the damage: it watches each line
 * the verbose report prints, and fires Ctrl-C, throws or blocks on the line it is told.
 */
class RunEdgesTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  /** A verbose report's stdout that does {@code onLine} with each line before printing it. */
  private static PrintStream watching(ByteArrayOutputStream out, Consumer<String> onLine) {
    return new PrintStream(out, true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        onLine.accept(line);
        super.println(line);
      }
    };
  }

  private DownloadOptions.Builder options(HttpUrl base, StrategyKind strategy, String... codes) {
    return DownloadOptions.builder()
        .codes(List.of(codes))
        .target(new Site.Target(Site.URL, base))
        .strategy(strategy)
        .maxRequests(2)
        .dest(dest)
        .verbose(true)
        .timeout(Duration.ofSeconds(60));
  }

  /**
   * Ctrl-C while the last image's line is printed: the strategy has nothing left to wait for, so it
   * may return without noticing the interrupt, but the run was still stopped by the user, and a
   * script must be told so by the exit status.
   */
  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aCtrlCAsTheLastResultIsReportedStillEndsTheRunAsInterrupted(StrategyKind strategy) {
    server.setDispatcher(new FlagDispatcher().serve("AA", "AB"));
    Interrupt ctrlC = new Interrupt(status -> {}, new Shutdown(Duration.ofMinutes(1)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] saved = {0};
    PrintStream stdout =
        watching(
            out,
            line -> {
              if (line.endsWith(" OK") && ++saved[0] == 2) {
                ctrlC.fire();
              }
            });

    DownloadRun.Outcome outcome =
        new DownloadRun(
                options(server.url("/flags"), strategy, "AA", "AB").build(),
                new Console(stdout, stdout, false, 80),
                System::nanoTime,
                ctrlC)
            .execute();

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(ExitStatus.INTERRUPTED, outcome.status(), printed);
    assertEquals(2, outcome.ok(), printed);
    assertTrue(printed.contains("2 flags downloaded."), printed);
  }

  /**
   * A run that fails partway, here because printing a result throws, still cancels the downloads in
   * flight: the server sees the connection of the image it was still sending closed at once, not
   * when the 60 s timeout runs out.
   */
  @Test
  void aRunWhoseReportFailsStillCancelsTheDownloadsInFlight() throws Exception {
    try (HalfSentBody server = new HalfSentBody("ab")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream stdout =
          watching(
              out,
              line -> {
                if (line.startsWith("AA")) {
                  await(server.bodyStarted);
                  throw new IllegalStateException("stdout failed");
                }
              });
      DownloadRun run =
          new DownloadRun(
              options(server.url(), StrategyKind.THREADPOOL, "AA", "AB").build(),
              new Console(stdout, stdout, false, 80),
              System::nanoTime,
              new Interrupt(status -> {}, new Shutdown(Duration.ZERO)));

      assertThrows(IllegalStateException.class, run::execute);

      assertTrue(
          server.hungUp.await(5, TimeUnit.SECONDS),
          "the half-sent image's connection is still open after the run ended");
    }
  }

  /**
   * Ctrl-C while a worker is stuck (here in printing its retry line) with the image it kept for
   * {@code --country-names} still in a temporary file: the run abandons the worker after the grace,
   * and removes the partial file itself before it returns, so the process can exit leaving none.
   */
  @Test
  void aCtrlCLeavesNoPartialFileEvenWhenAWorkerIsStuckHoldingOne() throws Exception {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("AD")
            .metadata("AD", () -> new MockResponse.Builder().code(503).build()));
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch unstick = new CountDownLatch(1);
    Interrupt ctrlC = new Interrupt(status -> {}, new Shutdown(Duration.ZERO));
    PrintStream stdout =
        watching(
            new ByteArrayOutputStream(),
            line -> {
              if (line.startsWith("AD retry")) {
                stuck.countDown();
                await(unstick);
              }
            });
    DownloadRun run =
        new DownloadRun(
            options(server.url("/flags"), StrategyKind.THREADPOOL, "AD")
                .countryNames(true)
                .retries(1)
                .build(),
            new Console(stdout, stdout, false, 80),
            System::nanoTime,
            ctrlC);
    try {
      CompletableFuture<DownloadRun.Outcome> running = CompletableFuture.supplyAsync(run::execute);
      // the run ends early, not after a wait, when the retry line never comes
      CompletableFuture.anyOf(running, CompletableFuture.runAsync(() -> await(stuck)))
          .get(10, TimeUnit.SECONDS);
      assertEquals(0, stuck.getCount(), "the metadata request was never retried");
      assertEquals(1, files().size(), "the kept image's temporary file");

      ctrlC.fire();

      // milliseconds when the run stops its workers; 5 s is for a loaded machine
      assertEquals(ExitStatus.INTERRUPTED, running.get(5, TimeUnit.SECONDS).status());
      assertEquals(List.of(), files(), "left in DEST while the worker is still stuck");
    } finally {
      unstick.countDown();
    }
  }

  /**
   * An image cut off mid-body leaves no partial file behind while its retry waits: the failed
   * attempt removes its own temporary file, without waiting for the end of the run.
   */
  @Test
  void anImageCutOffMidBodyLeavesNoPartialFileWhileItsRetryWaits() throws Exception {
    server.setDispatcher(new FlagDispatcher().respond("AD", FlagDispatcher::cutOffMidBody));
    List<List<Path>> whileWaiting = new CopyOnWriteArrayList<>();
    PrintStream stdout =
        watching(
            new ByteArrayOutputStream(),
            line -> {
              if (line.startsWith("AD retry")) {
                try {
                  whileWaiting.add(files());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });

    new DownloadRun(
            options(server.url("/flags"), StrategyKind.SEQUENTIAL, "AD").retries(1).build(),
            new Console(stdout, stdout, false, 80),
            System::nanoTime,
            Interrupt.none())
        .execute();

    assertEquals(List.of(List.of()), whileWaiting, "DEST as the retry began to wait");
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dest)) {
      return files.toList();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "never let go");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Answers 404 to every code but one, whose 200 it starts and never finishes: it sends the head
   * and a first part of the body, then waits for the client to hang up.
   */
  private static final class HalfSentBody implements AutoCloseable {
    final CountDownLatch bodyStarted = new CountDownLatch(1);
    final CountDownLatch hungUp = new CountDownLatch(1);
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final String held;
    private final Thread acceptor;

    HalfSentBody(String held) throws IOException {
      this.held = held;
      acceptor = Thread.ofVirtual().start(this::accept);
    }

    HttpUrl url() {
      return HttpUrl.get("http://127.0.0.1:" + socket.getLocalPort() + "/flags");
    }

    private void accept() {
      try {
        while (true) {
          Socket client = socket.accept();
          Thread.ofVirtual().start(() -> serve(client));
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    private void serve(Socket client) {
      try (client) {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        for (String path; (path = requestPath(in)) != null; ) {
          if (!path.endsWith("/" + held + ".gif")) {
            out.write(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
            out.flush();
            continue;
          }
          out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\n"));
          out.write(ascii("Content-Length: 1000\r\n\r\nGIF89a"));
          out.flush();
          bodyStarted.countDown();
          while (in.read() != -1) {
            // the rest never comes: wait for the client to hang up
          }
          hungUp.countDown();
          return;
        }
      } catch (IOException reset) {
        hungUp.countDown();
      }
    }

    /** The path of the next request on the connection, its head read; null once it is closed. */
    private static String requestPath(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      for (int b; !head.toString().endsWith("\r\n\r\n"); head.append((char) b)) {
        if ((b = in.read()) == -1) {
          return null;
        }
      }
      return head.toString().split(" ", 3)[1];
    }

    private static byte[] ascii(String text) {
      return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
      socket.close();
      acceptor.interrupt();
    }
  }
}
