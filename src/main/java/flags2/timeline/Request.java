package flags2.timeline;

/**
 * One HTTP request as the run's clock saw it: from when the HTTP client started running it (not
 * when it was queued) to when its body was read and saved, or it failed.
 *
 * @param code the country code, upper case
 * @param fetch what it fetched
 * @param attempt the try for this code and fetch, from 1 (above 1 for a retry)
 * @param startNanos when it started, on the run's clock (absolute, not an offset)
 * @param endNanos when it ended, on the run's clock
 * @param httpStatus the final HTTP status, or 0 when no response arrived
 * @param bytes bytes saved (0 unless {@link Outcome#OK})
 */
public record Request(
    String code,
    Fetch fetch,
    int attempt,
    long startNanos,
    long endNanos,
    Outcome outcome,
    int httpStatus,
    long bytes) {}
