package flags2.cli;

import flags2.download.Interrupt;
import flags2.report.ExitStatus;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * stdout that notices when it can no longer be written. When its reader has gone ({@code flags2 -v
 * -e | head -1}: a broken pipe) the first failed write stops the run as a signal would, with {@link
 * ExitStatus#BROKEN_PIPE}, so it cleans up and ends 141 instead of downloading on into nothing (the
 * JVM ignores SIGPIPE, and a PrintStream swallows the error). Any other failure (a full disk) is
 * one line on stderr and stops the run with {@link ExitStatus#ERRORS}: its report cannot be
 * written.
 */
final class PipeWatch extends FilterOutputStream {
  private final Interrupt interrupt;
  private final PrintStream err;
  private boolean broken;

  PipeWatch(OutputStream out, Interrupt interrupt, PrintStream err) {
    super(out);
    this.interrupt = interrupt;
    this.err = err;
  }

  /**
   * The process's stdout, as System.out prints (its charset, flushed at each line), watched; {@code
   * err} gets the one line about a failure other than a broken pipe.
   */
  static PrintStream stdout(Interrupt interrupt, PrintStream err) {
    return watched(new FileOutputStream(FileDescriptor.out), interrupt, err, System.out.charset());
  }

  /** {@code out} watched, as {@link #stdout} watches the process's stdout. */
  static PrintStream watched(
      OutputStream out, Interrupt interrupt, PrintStream err, Charset charset) {
    return new PrintStream(
        new BufferedOutputStream(new PipeWatch(out, interrupt, err), 8192), true, charset);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      gone(e);
      throw e;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      gone(e);
      throw e;
    }
  }

  private synchronized void gone(IOException e) {
    if (broken) {
      return;
    }
    broken = true;
    if ("Broken pipe".equals(e.getMessage())) {
      interrupt.fireIfFirst(ExitStatus.BROKEN_PIPE);
    } else {
      err.println("*** Error: cannot write to stdout: " + e.getMessage());
      interrupt.fireIfFirst(ExitStatus.ERRORS);
    }
  }
}
