package flags2.strategy;

/** How one code ended. Every code is counted exactly once as one of these. */
public enum Status {
  /** HTTP 200 and the image was saved. */
  OK,
  /** HTTP 404. */
  NOT_FOUND,
  /** Anything else: another status, a connection failure, a timeout, a bad body, a failed write. */
  ERROR
}
