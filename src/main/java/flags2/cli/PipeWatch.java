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

/**
 * stdout that notices when its reader has gone ({@code flags2 -v -e | head -1}): the first failed
 * write fires the {@link Interrupt} as a signal would, with {@link ExitStatus#BROKEN_PIPE}, so the
 * run stops, cleans up and ends 141 instead of downloading on into nothing. (The JVM ignores
 * SIGPIPE, and a PrintStream swallows the error.)
 */
final class PipeWatch extends FilterOutputStream {
  private final Interrupt interrupt;
  private boolean broken;

  private PipeWatch(OutputStream out, Interrupt interrupt) {
    super(out);
    this.interrupt = interrupt;
  }

  /** The process's stdout, as System.out prints (its charset, flushed at each line), watched. */
  static PrintStream stdout(Interrupt interrupt) {
    OutputStream fd = new FileOutputStream(FileDescriptor.out);
    return new PrintStream(
        new BufferedOutputStream(new PipeWatch(fd, interrupt), 8192), true, System.out.charset());
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      gone();
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
      gone();
      throw e;
    }
  }

  private synchronized void gone() {
    if (!broken) {
      broken = true;
      interrupt.fireIfFirst(ExitStatus.BROKEN_PIPE);
    }
  }
}
