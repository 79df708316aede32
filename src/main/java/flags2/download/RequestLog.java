package flags2.download;

import flags2.report.Printable;
import java.io.IOException;
import java.util.Locale;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * {@code --debug}: one line per HTTP request, when its call ends, through {@link System.Logger}
 * like every other log line: {@code GET http://127.0.0.1:8002/flags/br/br.gif -> 200, 2904 bytes,
 * 503 ms, attempt 1}, or {@code -> failed (Connection refused), 2 ms, attempt 1}. Credentials in
 * the URL show as {@code ***}. Attached to a client only when debug logging is on.
 */
final class RequestLog extends EventListener {
  private static final System.Logger log = System.getLogger(RequestLog.class.getName());

  /** A listener per call, when debug logging is on; null (none) otherwise. */
  static EventListener.Factory factoryIfDebug() {
    return log.isLoggable(System.Logger.Level.DEBUG)
        ? call -> new RequestLog(System::nanoTime)
        : null;
  }

  private final LongSupplier nanoTime;
  private long start;
  private int status;
  private long bytes;

  RequestLog(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public void callStart(Call call) {
    start = nanoTime.getAsLong();
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    status = response.code();
  }

  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    bytes = byteCount;
  }

  @Override
  public void callEnd(Call call) {
    // a body closed unread (a 404's, an error's) is reported as 0 bytes: no count is shown
    log.log(
        System.Logger.Level.DEBUG,
        line(call, status + (bytes <= 0 ? "" : ", " + bytes + " bytes")));
  }

  @Override
  public void callFailed(Call call, IOException e) {
    String after = status == 0 ? "" : " after " + status;
    log.log(
        System.Logger.Level.DEBUG,
        line(call, "failed" + after + " (" + Printable.of("" + e.getMessage()) + ")"));
  }

  /** {@code METHOD URL -> OUTCOME, N ms, attempt N}. */
  String line(Call call, String outcome) {
    HttpClients.AttemptNumber attempt = call.request().tag(HttpClients.AttemptNumber.class);
    return String.format(
        Locale.ROOT,
        "%s %s -> %s, %d ms, attempt %s",
        call.request().method(),
        redacted(call.request().url()),
        outcome,
        (nanoTime.getAsLong() - start) / 1_000_000,
        attempt == null ? "?" : attempt.value());
  }

  /** {@code url} with any user name and password shown as {@code ***}. */
  static String redacted(HttpUrl url) {
    if (url.username().isEmpty() && url.password().isEmpty()) {
      return url.toString();
    }
    return url.newBuilder().username("***").password("").build().toString();
  }
}
