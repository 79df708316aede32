package flags2.testing;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Serves the first {@code quick} codes of the A row (AA, AB, ...) at once; every other request gets
 * the headers and 10 bytes of an image, then nothing for a minute: a download caught mid-body, its
 * temporary file open. {@link #stalling} opens when the first such request arrives.
 */
public final class StallingDispatcher extends FlagDispatcher {
  /** Opens when the first stalled request has arrived. */
  public final CountDownLatch stalling = new CountDownLatch(1);

  private final int quick;

  public StallingDispatcher(int quick) {
    this.quick = quick;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String code = request.getUrl().pathSegments().get(1).toUpperCase(Locale.ROOT);
    if (code.compareTo("A" + (char) ('A' + quick)) < 0) {
      return ok(code);
    }
    stalling.countDown();
    return new MockResponse.Builder()
        .addHeader("Content-Type", "image/gif")
        .body(new Buffer().writeUtf8("GIF89a").write(new byte[100_000]))
        .throttleBody(10, 60, TimeUnit.SECONDS) // 10 bytes, then nothing for a minute
        .build();
  }
}
