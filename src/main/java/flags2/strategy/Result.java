package flags2.strategy;

/**
 * The outcome of one code: what a strategy hands back and the report tallies.
 *
 * @param httpStatus the final HTTP status, or 0 when no response arrived
 * @param bytes bytes saved (0 unless {@link Status#OK})
 * @param millis from the first attempt's start to the last attempt's end, waits included
 * @param error a one-line message for {@link Status#ERROR}, empty otherwise
 * @param attempts how many requests it took (1 unless retried)
 * @param startNanos when the first attempt started, on the run's clock
 * @param file the file saved, as DEST/name, or null
 */
public record Result(
    String code,
    Status status,
    int httpStatus,
    long bytes,
    long millis,
    String error,
    int attempts,
    long startNanos,
    String file) {

  public static Result ok(String code, int httpStatus, long bytes, long millis) {
    return new Result(code, Status.OK, httpStatus, bytes, millis, "", 1, 0, null);
  }

  public static Result notFound(String code, long millis) {
    return new Result(code, Status.NOT_FOUND, 404, 0, millis, "", 1, 0, null);
  }

  public static Result error(String code, int httpStatus, long millis, String error) {
    return new Result(code, Status.ERROR, httpStatus, 0, millis, error, 1, 0, null);
  }

  /** This result, after {@code attempts} requests. */
  public Result withAttempts(int attempts) {
    return new Result(code, status, httpStatus, bytes, millis, error, attempts, startNanos, file);
  }

  /** This result, whose first attempt started at {@code startNanos} on the run's clock. */
  public Result withStart(long startNanos) {
    return new Result(code, status, httpStatus, bytes, millis, error, attempts, startNanos, file);
  }

  /** This result, saved as {@code file}. */
  public Result withFile(String file) {
    return new Result(code, status, httpStatus, bytes, millis, error, attempts, startNanos, file);
  }
}
