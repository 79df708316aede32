package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The line {@code --debug} prints for each request: what was asked, what came back (a status and
 * its byte count, or why it failed), how long it took and which attempt it was, with any password
 * in the URL hidden.
 */
class RequestLogTest {
  private static final Logger JUL = Logger.getLogger(RequestLog.class.getName());
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord line) {
          lines.add(line.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level levelBefore;

  private final AtomicLong now = new AtomicLong(7_000_000_000L);
  private final RequestLog log = new RequestLog(now::get);
  private final Call call = call("http://127.0.0.1:8002/flags/br/br.gif");

  @BeforeEach
  void captureDebugLines() {
    levelBefore = JUL.getLevel();
    JUL.setLevel(Level.ALL);
    JUL.addHandler(capture);
  }

  @AfterEach
  void restore() {
    JUL.removeHandler(capture);
    JUL.setLevel(levelBefore);
  }

  private static Call call(String url) {
    return new OkHttpClient()
        .newCall(
            new Request.Builder()
                .url(url)
                .tag(HttpClients.AttemptNumber.class, new HttpClients.AttemptNumber(2))
                .build());
  }

  private Response status(int code) {
    return new Response.Builder()
        .request(call.request())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("")
        .build();
  }

  @Test
  void anImageSaysItsStatusItsSizeHowLongItTookAndWhichAttemptItWas() {
    log.callStart(call);
    log.responseHeadersEnd(call, status(200));
    log.responseBodyEnd(call, 2904);
    now.addAndGet(250_000_000L);
    log.callEnd(call);

    assertEquals(
        List.of("GET http://127.0.0.1:8002/flags/br/br.gif -> 200, 2904 bytes, 250 ms, attempt 2"),
        lines);
  }

  @Test
  void anEmptyOrUnreadBodyShowsNoByteCount() {
    log.callStart(call);
    log.responseHeadersEnd(call, status(404));
    log.responseBodyEnd(call, 0);
    log.callEnd(call);

    assertEquals(
        List.of("GET http://127.0.0.1:8002/flags/br/br.gif -> 404, 0 ms, attempt 2"), lines);
  }

  @Test
  void aFailureSaysWhyAndAfterWhichStatus() {
    log.callStart(call);
    now.addAndGet(1_500_000_000L);
    log.callFailed(call, new IOException("Connection refused"));
    log.responseHeadersEnd(call, status(200));
    log.callFailed(call, new IOException("unexpected end of stream\u001b[2J"));

    assertEquals(
        List.of(
            "GET http://127.0.0.1:8002/flags/br/br.gif -> failed (Connection refused), 1500 ms,"
                + " attempt 2",
            "GET http://127.0.0.1:8002/flags/br/br.gif -> failed after 200 (unexpected end of"
                + " stream\\x1b[2J), 1500 ms, attempt 2"),
        lines);
  }

  @Test
  void aPasswordInTheUrlIsNeverShown() {
    assertEquals(
        "http://***@example.com/flags/br/br.gif",
        RequestLog.redacted(
            call("http://user:secret@example.com/flags/br/br.gif").request().url()));
    assertEquals(
        "http://example.com/flags",
        RequestLog.redacted(call("http://example.com/flags").request().url()));
  }
}
