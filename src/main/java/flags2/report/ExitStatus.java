package flags2.report;

/**
 * The process exit statuses (README, Exit status). Commands return one; only {@code flags2.Main}
 * turns it into the process's exit.
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
  /** Ctrl-C. */
  INTERRUPTED(130);

  public final int code;

  ExitStatus(int code) {
    this.code = code;
  }
}
