package flags2.report;

/**
 * The process exit statuses (README, Exit status). Commands return one; only {@code flags2.Main}
 * turns it into the process's exit. A run stopped by a signal ends with that signal's status, 128
 * plus its number, as a shell reports a process the signal killed.
 */
public enum ExitStatus {
  /** Every code OK or NOT_FOUND. */
  OK(0),
  /** At least one code ended in ERROR. */
  ERRORS(1),
  /** Bad command line: nothing was sent. */
  USAGE(2),
  /** The destination is not a usable directory: nothing was sent. */
  DESTINATION(3),
  /** SIGHUP: the terminal went away. */
  HUNG_UP(129),
  /** SIGINT: Ctrl-C. */
  INTERRUPTED(130),
  /** SIGTERM: {@code kill}, {@code timeout}, a CI job cancelled. */
  TERMINATED(143),
  /** stdout closed under it ({@code flags2 -v | head -1}): 128 + SIGPIPE, as a Unix tool ends. */
  BROKEN_PIPE(141);

  public final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /** Whether a signal stopped the run: a partial report, the rest counted as not attempted. */
  public boolean stoppedBySignal() {
    return switch (this) {
      case HUNG_UP, INTERRUPTED, TERMINATED, BROKEN_PIPE -> true;
      case OK, ERRORS, USAGE, DESTINATION -> false;
    };
  }
}
