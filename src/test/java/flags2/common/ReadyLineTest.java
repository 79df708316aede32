package flags2.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line {@code flags2 serve} prints when a server listens: its exact form is what the launcher,
 * the bench scripts and CI recipes match with sed, so it must not drift.
 */
class ReadyLineTest {

  @Test
  void printsLabelReadyAndTheBaseUrl() {
    ReadyLine line = new ReadyLine(Site.DELAY, HttpUrl.get("http://127.0.0.1:40002/flags"));
    assertEquals("DELAY ready: http://127.0.0.1:40002/flags", line.toString());
  }

  @Test
  void readsBackWhatItPrints() {
    ReadyLine line = new ReadyLine(Site.ERROR, HttpUrl.get("http://[::1]:40123/flags"));
    assertEquals(Optional.of(line), ReadyLine.parse(line.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "serving generated images for 194 codes; delay 0.5s",
        "REMOTE ready: https://www.fluentpython.com/data/flags",
        "URL ready: http://127.0.0.1:1/flags",
        "LOCAL ready: not a url",
        "local ready: http://127.0.0.1:40001/flags",
        ""
      })
  void anyOtherLineIsNotAReadyLine(String text) {
    assertEquals(Optional.empty(), ReadyLine.parse(text));
  }
}
