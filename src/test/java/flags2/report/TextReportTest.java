package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Codes;
import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.Status;
import flags2.testing.ThreadWaits;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The report texts, exactly as the README gives them (What a run prints), and the progress bar's
 * place among them.
 */
class TextReportTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private static final Site.Target DELAY =
      new Site.Target(Site.DELAY, HttpUrl.get("http://localhost:18002/flags"));

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Result result(String code, Status status) {
    return switch (status) {
      case OK -> Result.ok(code, 200, 10, 1);
      case NOT_FOUND -> Result.notFound(code, 1);
      case ERROR -> Result.error(code, 418, 1, "HTTP error 418 - I'm a Teapot");
    };
  }

  @Test
  void theBooksReportForManyCodes() {
    List<String> codes = Codes.expand(List.of("a", "b", "c"), false, false, Integer.MAX_VALUE);
    TextReport reporter = new TextReport(out, false);
    reporter.initial(DELAY, codes, 30);
    for (int i = 0; i < codes.size(); i++) {
      reporter.accept(result(codes.get(i), i < 43 ? Status.OK : Status.NOT_FOUND));
    }
    reporter.finish(Duration.ofMillis(1720), 0, ExitStatus.OK);
    assertEquals(
        """
        DELAY site: http://localhost:18002/flags
        Searching for 78 flags: from AA to CZ
        30 concurrent connections will be used.
        --------------------
        43 flags downloaded.
        35 not found.
        Elapsed time: 1.72s
        """,
        printed());
  }

  @Test
  void tenCodesOrFewerAreListedAndSingularsAreSingular() {
    TextReport reporter = new TextReport(out, false);
    reporter.initial(
        new Site.Target(Site.URL, HttpUrl.get("http://example.com/flags")), List.of("BR"), 1);
    reporter.accept(result("BR", Status.OK));
    reporter.finish(Duration.ofMillis(5), 0, ExitStatus.OK);
    assertEquals(
        """
        URL site: http://example.com/flags
        Searching for 1 flag: BR
        1 concurrent connection will be used.
        --------------------
        1 flag downloaded.
        Elapsed time: 0.01s
        """,
        printed());
  }

  /** The README: "Ten codes or fewer are listed instead". */
  @Test
  void exactlyTenCodesAreListedAndElevenAreShownAsARange() {
    List<String> eleven = Codes.expand(List.of("b"), false, false, 11);
    TextReport ten = new TextReport(out, false);
    ten.initial(DELAY, eleven.subList(0, 10), 10);
    TextReport more = new TextReport(out, false);
    more.initial(DELAY, eleven, 10);

    List<String> searching =
        printed().lines().filter(line -> line.startsWith("Searching")).toList();
    assertEquals(
        List.of(
            "Searching for 10 flags: BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ",
            "Searching for 11 flags: from BA to BK"),
        searching);
  }

  @Test
  void verboseLinesAndErrorCounts() {
    TextReport reporter = new TextReport(out, true);
    reporter.initial(DELAY, List.of("BR", "CN", "US", "XX"), 4);
    reporter.accept(result("BR", Status.OK));
    reporter.accept(result("XX", Status.NOT_FOUND));
    reporter.accept(result("CN", Status.ERROR));
    reporter.accept(result("US", Status.ERROR));
    reporter.finish(Duration.ofSeconds(2), 0, ExitStatus.ERRORS);
    assertEquals(
        """
        DELAY site: http://localhost:18002/flags
        Searching for 4 flags: BR, CN, US, XX
        4 concurrent connections will be used.
        BR OK
        XX not found
        *** Error for CN: HTTP error 418 - I'm a Teapot
        *** Error for US: HTTP error 418 - I'm a Teapot
        --------------------
        1 flag downloaded.
        1 not found.
        2 errors.
        Elapsed time: 2.00s
        """,
        printed());
  }

  @Test
  void noFlagsDownloadedStillSaysSoAndOneErrorIsSingular() {
    TextReport reporter = new TextReport(out, false);
    reporter.initial(DELAY, List.of("BR"), 1);
    reporter.accept(result("BR", Status.ERROR));
    reporter.finish(Duration.ZERO, 0, ExitStatus.ERRORS);
    assertEquals(
        List.of("--------------------", "0 flags downloaded.", "1 error.", "Elapsed time: 0.00s"),
        printed().lines().skip(3).toList());
  }

  /** A terminal as the bar sees it: records each frame and what stdout held when it came. */
  private final class Screen implements ProgressBarConsumer {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final CountDownLatch firstFrame = new CountDownLatch(1);
    volatile String stdoutAtFirstFrame;
    volatile String stdoutAtClose;

    @Override
    public int getMaxRenderedLength() {
      return 70;
    }

    @Override
    public void accept(String frame) {
      if (firstFrame.getCount() > 0) {
        stdoutAtFirstFrame = printed();
      }
      frames.add(frame);
      firstFrame.countDown();
    }

    @Override
    public void close() {
      stdoutAtClose = printed();
    }
  }

  private static final String HEADER =
      """
      DELAY site: http://localhost:18002/flags
      Searching for 3 flags: BR, CN, US
      3 concurrent connections will be used.
      """;

  @Test
  void theBarsFirstFrameComesOnlyAfterTheHeader() throws InterruptedException {
    Screen screen = new Screen();
    TextReport reporter = new TextReport(out, new TextReport.Bar(screen, true, () -> 0L));
    try {
      reporter.initial(DELAY, List.of("BR", "CN", "US"), 3);
      assertTrue(screen.firstFrame.await(10, TimeUnit.SECONDS), "no frame was drawn");
    } finally {
      reporter.close();
    }

    assertEquals(HEADER, screen.stdoutAtFirstFrame);
    assertEquals(
        "flags   0%|" + " ".repeat(14) + "| 0/3 [elapsed 0:00 < remaining ?, ? flags/s]",
        screen.frames.getFirst());
  }

  @Test
  void theLastFrameShowsTheWholeRunOnTheInjectedClockAndEndsBeforeTheReport() {
    Screen screen = new Screen();
    AtomicLong clock = new AtomicLong(7_000_000_000L);
    TextReport reporter = new TextReport(out, new TextReport.Bar(screen, true, clock::get));
    reporter.initial(DELAY, List.of("BR", "CN", "US"), 3);
    clock.addAndGet(1_500_000_000L);
    reporter.accept(result("BR", Status.OK));
    reporter.accept(result("CN", Status.OK));
    reporter.accept(result("US", Status.NOT_FOUND));
    reporter.finish(Duration.ofMillis(1500), 0, ExitStatus.OK);

    assertEquals(
        "flags 100%|" + "█".repeat(9) + "| 3/3 [elapsed 0:01 < remaining 0:00, 2.0 flags/s]",
        screen.frames.getLast());
    assertEquals(HEADER, screen.stdoutAtClose);
    assertTrue(printed().startsWith(HEADER + "--------------------\n"), printed());
  }

  /** After a Ctrl-C the consumer thread may still be interrupted when the report is finished. */
  @Test
  void onAnInterruptedThreadTheLastFrameStillEndsBeforeTheReport() {
    Screen screen = new Screen();
    TextReport reporter = new TextReport(out, new TextReport.Bar(screen, true, () -> 0L));
    reporter.initial(DELAY, List.of("BR", "CN", "US"), 3);
    reporter.accept(result("BR", Status.OK));
    Thread.currentThread().interrupt();
    boolean stillInterrupted;
    try {
      reporter.finish(Duration.ofMillis(500), 2, ExitStatus.INTERRUPTED);
    } finally {
      stillInterrupted = Thread.interrupted();
    }

    assertEquals(HEADER, screen.stdoutAtClose);
    assertTrue(screen.frames.getLast().contains("| 1/3 ["), screen.frames.getLast());
    assertTrue(stillInterrupted, "the interrupt was swallowed");
  }

  /**
   * A run that ends before the bar's first frame (a Ctrl-C at once, a few codes from a fast server)
   * still ends the bar's line before the report, though progressbar then draws that frame without
   * closing the line. The library draws every bar on one shared thread; the test holds that thread
   * with a bar of its own, so the report's bar is stopped before its first frame, whatever the
   * scheduling, and lets it go once the report waits for its last frame.
   */
  @Test
  void aBarStoppedBeforeItsFirstFrameStillEndsItsLineBeforeTheReport() throws Exception {
    CountDownLatch drawing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProgressBar holder =
        new ProgressBarBuilder()
            .setConsumer(
                new ProgressBarConsumer() {
                  @Override
                  public int getMaxRenderedLength() {
                    return 70;
                  }

                  @Override
                  public void accept(String frame) {
                    drawing.countDown();
                    try {
                      release.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }

                  @Override
                  public void close() {}
                })
            .build();
    Screen screen = new Screen();
    TextReport reporter = new TextReport(out, new TextReport.Bar(screen, true, () -> 0L));
    try {
      assertTrue(drawing.await(10, TimeUnit.SECONDS), "the bars' thread never drew");
      reporter.initial(DELAY, List.of("BR", "CN", "US"), 3);
      reporter.accept(result("BR", Status.OK));
      FutureTask<Void> finishing =
          new FutureTask<>(
              () -> reporter.finish(Duration.ofMillis(500), 2, ExitStatus.INTERRUPTED), null);
      Thread finisher = Thread.ofPlatform().name("finisher").start(finishing);
      // progressbar's close waits for a task of its thread: the bar's last frame
      ThreadWaits.awaitBlockedOnOrEnd(
          finisher,
          "ScheduledFutureTask",
          Duration.ofSeconds(10),
          "the report never waited for the bar");
      release.countDown();
      finishing.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      holder.close();
    }

    assertEquals(
        List.of("flags  33%"), screen.frames.stream().map(f -> f.substring(0, 10)).toList());
    assertEquals(HEADER, screen.stdoutAtClose, "the bar's line was not ended before the report");
    assertTrue(printed().startsWith(HEADER + "--------------------\n"), printed());
  }

  /**
   * Piped into a script, stdout may be block-buffered (not flushed at each line): the header still
   * shows as soon as the run starts, and the summary as soon as it ends, before the process exits.
   */
  @Test
  void onABlockBufferedStdoutTheHeaderShowsAtTheStartAndTheSummaryAtTheEnd() {
    PrintStream buffered =
        new PrintStream(new BufferedOutputStream(bytes, 8192), false, StandardCharsets.UTF_8);
    TextReport reporter = new TextReport(buffered, false);

    reporter.initial(DELAY, List.of("BR"), 1);
    assertTrue(printed().endsWith("1 concurrent connection will be used.\n"), printed());

    reporter.accept(result("BR", Status.OK));
    reporter.finish(Duration.ofMillis(1720), 0, ExitStatus.OK);
    assertTrue(printed().endsWith("Elapsed time: 1.72s\n"), printed());
  }
}
