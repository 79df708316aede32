package flags2.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.download.Interrupt;
import flags2.report.Console;
import flags2.report.ExitStatus;
import flags2.testing.ReservedPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdout whose reader has gone ({@code flags2 -v -e | head -1}) stops the run as a broken pipe,
 * quietly; stdout that fails otherwise (a full disk) says so once on stderr and stops the run with
 * errors; stdout that works gets every byte, flushed at each line. A report lost either way never
 * ends the process as a success.
 */
class PipeWatchTest {
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, UTF_8);
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Interrupt interrupt = new Interrupt(again -> {});

  PipeWatchTest() {
    interrupt.onInterrupt(() -> stopped.set(true));
  }

  /** A stream whose every write and flush fails with {@code message}, as a closed pipe's does. */
  private static OutputStream failing(String message) {
    return failingFrom("", message);
  }

  /**
   * A stream that takes every write until one holds {@code trigger}, and fails that one and all
   * after it with {@code message}: a reader that goes away mid-report ({@code | head -3}).
   */
  private static OutputStream failingFrom(String trigger, String message) {
    return new OutputStream() {
      private boolean failed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        failed |= new String(b, off, len, UTF_8).contains(trigger);
        if (failed) {
          throw new IOException(message);
        }
      }

      @Override
      public void flush() throws IOException {
        if (failed || trigger.isEmpty()) {
          throw new IOException(message);
        }
      }
    };
  }

  @Test
  void aReaderThatHasGoneStopsTheRunAsABrokenPipeWithoutAWord() {
    PrintStream out = PipeWatch.watched(failing("Broken pipe"), interrupt, err, UTF_8);

    out.println("BR OK");

    assertTrue(stopped.get(), "the run was stopped");
    assertEquals(ExitStatus.BROKEN_PIPE, interrupt.status());
    assertEquals("", errBytes.toString(UTF_8));
  }

  @Test
  void anyOtherFailureIsOneLineOnStderrAndStopsTheRunWithErrors() {
    PrintStream out = PipeWatch.watched(failing("No space left on device"), interrupt, err, UTF_8);

    out.println("BR OK");
    out.println("CN OK");

    assertTrue(stopped.get(), "the run was stopped");
    assertEquals(ExitStatus.ERRORS, interrupt.status());
    assertEquals(
        "*** Error: cannot write to stdout: No space left on device\n", errBytes.toString(UTF_8));
  }

  @Test
  void aFailedFlushStopsTheRunToo() {
    PipeWatch watch = new PipeWatch(failing("Broken pipe"), interrupt, err);

    assertThrows(IOException.class, watch::flush);
    assertEquals(ExitStatus.BROKEN_PIPE, interrupt.status());
  }

  @Test
  void aFailedSingleByteStopsTheRunToo() {
    PipeWatch watch = new PipeWatch(failing("Broken pipe"), interrupt, err);

    assertThrows(IOException.class, () -> watch.write('x'));
    assertEquals(ExitStatus.BROKEN_PIPE, interrupt.status());
  }

  @Test
  void aWorkingStdoutGetsEveryByteFlushedAtEachLine() throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    AtomicInteger flushes = new AtomicInteger();
    OutputStream counting =
        new OutputStream() {
          @Override
          public void write(int b) {
            written.write(b);
          }

          @Override
          public void flush() {
            flushes.incrementAndGet();
          }
        };
    PrintStream out = PipeWatch.watched(counting, interrupt, err, UTF_8);

    out.println("BR OK");
    assertEquals("BR OK\n", written.toString(UTF_8), "written at the end of the line");
    assertTrue(flushes.get() > 0, "and flushed");
    new PipeWatch(counting, interrupt, err).write('!');
    assertEquals("BR OK\n!", written.toString(UTF_8));
    assertTrue(!stopped.get(), "nothing stopped the run");
  }

  /** The command line run with stdout failing as {@code failure} says. */
  private int runWithStdoutFailing(String failure, String... args) {
    return run(failing(failure), args);
  }

  private int run(OutputStream stdout, String... args) {
    PrintStream out = PipeWatch.watched(stdout, interrupt, err, UTF_8);
    return Cli.run(
        args,
        new Env(new Console(out, err, false, 80), Site.standard(), System::nanoTime, interrupt));
  }

  @Test
  void aReportLostToAGoneReaderEndsWith141NotSuccess() {
    assertEquals(ExitStatus.BROKEN_PIPE.code, runWithStdoutFailing("Broken pipe", "--version"));
  }

  @Test
  void aReportLostToAFullDiskEndsWithErrorsNotSuccess() {
    assertEquals(ExitStatus.ERRORS.code, runWithStdoutFailing("No space left", "--version"));
  }

  @Test
  void aRunWithErrorsWhoseSummaryIsLostToAGoneReaderEndsWith141(@TempDir Path dest)
      throws IOException {
    try (ReservedPort refused = ReservedPort.open()) {
      int status =
          run(
              failingFrom("1 error.", "Broken pipe"),
              "-s",
              refused.url("/flags"),
              "-d",
              dest.toString(),
              "-q",
              "br");
      assertEquals(ExitStatus.BROKEN_PIPE.code, status);
    }
  }
}
