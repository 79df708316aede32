package flags2.timeline;

/**
 * How one request ended. Unlike a code's status, a request can be {@link #CANCELLED}: it failed
 * because the run was stopping (Ctrl-C), which the report does not count as an error.
 */
public enum Outcome {
  OK,
  NOT_FOUND,
  ERROR,
  CANCELLED;

  /** {@code ok}, {@code not found}, {@code error}, {@code cancelled}: for the chart. */
  public String label() {
    return switch (this) {
      case OK -> "ok";
      case NOT_FOUND -> "not found";
      case ERROR -> "error";
      case CANCELLED -> "cancelled";
    };
  }

  /** {@code ok}, {@code not_found}, ...: as {@code --json} spells outcomes. */
  public String jsonName() {
    return switch (this) {
      case OK -> "ok";
      case NOT_FOUND -> "not_found";
      case ERROR -> "error";
      case CANCELLED -> "cancelled";
    };
  }
}
