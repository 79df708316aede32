package flags2.strategy;

/**
 * The outcome of one code: what a strategy hands back and the report tallies.
 *
 * @param httpStatus the final HTTP status, or 0 when no response arrived
 * @param bytes bytes saved (0 unless {@link Status#OK})
 * @param error a one-line message for {@link Status#ERROR}, empty otherwise
 */
public record Result(
    String code, Status status, int httpStatus, long bytes, long millis, String error) {

  public static Result ok(String code, int httpStatus, long bytes, long millis) {
    return new Result(code, Status.OK, httpStatus, bytes, millis, "");
  }

  public static Result notFound(String code, long millis) {
    return new Result(code, Status.NOT_FOUND, 404, 0, millis, "");
  }

  public static Result error(String code, int httpStatus, long millis, String error) {
    return new Result(code, Status.ERROR, httpStatus, 0, millis, error);
  }
}
