package flags2.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer dispatcher serving {@code /flags/{cc}/{cc}.gif}: scripted responses for some
 * codes, 404 for the rest. Also the images the tests expect to find on disk.
 */
public class FlagDispatcher extends Dispatcher {
  private static final Pattern PATH = Pattern.compile("/flags/([a-z]{2})/\\1\\.gif");
  private final Map<String, Supplier<MockResponse>> responses = new ConcurrentHashMap<>();

  /** A small body that looks like a GIF and differs per code. */
  public static byte[] image(String code) {
    return ("GIF89a flag of " + code + " " + "#".repeat(code.charAt(0)))
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static MockResponse ok(String code) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "image/gif")
        .body(new Buffer().write(image(code)))
        .build();
  }

  public FlagDispatcher serve(String... codes) {
    for (String code : codes) {
      responses.put(code, () -> ok(code));
    }
    return this;
  }

  public FlagDispatcher respond(String code, Supplier<MockResponse> response) {
    responses.put(code, response);
    return this;
  }

  public FlagDispatcher status(String code, int status) {
    return respond(
        code, () -> new MockResponse.Builder().code(status).body("no flag here").build());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    Matcher m = PATH.matcher(request.getUrl().encodedPath());
    Supplier<MockResponse> scripted =
        m.matches() ? responses.get(m.group(1).toUpperCase(Locale.ROOT)) : null;
    return scripted != null
        ? scripted.get()
        : new MockResponse.Builder().code(404).body("Not Found").build();
  }
}
