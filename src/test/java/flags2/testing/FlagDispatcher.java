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
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * A MockWebServer dispatcher serving {@code /flags/{cc}/{cc}.gif} and {@code
 * /flags/{cc}/metadata.json}: scripted responses for some codes, 404 for the rest. Also the images
 * the tests expect to find on disk.
 */
public class FlagDispatcher extends Dispatcher {
  private static final Pattern PATH = Pattern.compile("/flags/([a-z]{2})/\\1\\.gif");
  private static final Pattern METADATA = Pattern.compile("/flags/([a-z]{2})/metadata\\.json");
  private final Map<String, Supplier<MockResponse>> responses = new ConcurrentHashMap<>();
  private final Map<String, Supplier<MockResponse>> metadata = new ConcurrentHashMap<>();

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

  /** A GIF of 64 KiB whose connection closes once its body starts: an image cut off mid-body. */
  public static MockResponse cutOffMidBody() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "image/gif")
        .body(new Buffer().writeUtf8("GIF89a").write(new byte[64 * 1024]))
        .onResponseBody(new SocketEffect.CloseSocket())
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

  /** Serves {@code {"country": NAME}} as the metadata of {@code code}; NAME is JSON-escaped. */
  public FlagDispatcher country(String code, String name) {
    return metadataBody(
        code, "{\"country\": \"" + jsonEscaped(name) + "\", \"iso_cc\": \"" + code + "\"}");
  }

  /** Serves {@code json}, exactly as given, as the metadata of {@code code}. */
  public FlagDispatcher metadataBody(String code, String json) {
    return metadata(
        code,
        () ->
            new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
  }

  public FlagDispatcher metadata(String code, Supplier<MockResponse> response) {
    metadata.put(code, response);
    return this;
  }

  private static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String path = request.getUrl().encodedPath();
    Matcher m = PATH.matcher(path);
    Matcher meta = METADATA.matcher(path);
    Supplier<MockResponse> scripted =
        m.matches()
            ? responses.get(m.group(1).toUpperCase(Locale.ROOT))
            : meta.matches() ? metadata.get(meta.group(1).toUpperCase(Locale.ROOT)) : null;
    return scripted != null
        ? scripted.get()
        : new MockResponse.Builder().code(404).body("Not Found").build();
  }
}
