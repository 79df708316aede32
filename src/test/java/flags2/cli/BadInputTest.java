package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.ReservedPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that trips naive code: locales, credentials in the URL. */
class BadInputTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @StartStop private final MockWebServer otherOrigin = MockServers.noDelay();
  @TempDir Path dest;

  @Test
  void aTurkishDefaultLocaleStillMeansIN() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("IN"));
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "in".toUpperCase() would be "İN" here
    try {
      Flags2Runner.Run run =
          new Flags2Runner()
              .run("-s", server.url("/flags").toString(), "-d", dest.toString(), "-v", "in", "I");
      assertEquals(0, run.status(), run.out());
      assertTrue(run.outLines().contains("IN OK"), run.out());
      assertTrue(run.out().contains("Searching for 26 flags: from IA to IZ"), run.out());
    } finally {
      Locale.setDefault(before);
    }
    assertTrue(Files.isRegularFile(dest.resolve("in.gif")));
    assertEquals(
        "/flags/in/in.gif",
        server
            .takeRequest()
            .getUrl()
            .encodedPath()
            .replaceAll("/flags/i[a-z]/.*", "/flags/in/in.gif"));
  }

  @Test
  void credentialsNeverAppearInErrorsEither() throws IOException {
    try (ReservedPort closed = ReservedPort.open()) {
      int port = closed.number();
      Flags2Runner.Run run =
          new Flags2Runner()
              .run(
                  "-s",
                  "http://alice:s3cret@127.0.0.1:" + port + "/flags",
                  "-d",
                  dest.toString(),
                  "-v",
                  "--debug",
                  "br");
      assertEquals(1, run.status());
      assertTrue(
          run.out().contains("URL site: http://***@127.0.0.1:" + port + "/flags"), run.out());
      assertFalse((run.out() + run.err()).contains("s3cret"), run.out() + run.err());
    }
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthToThatOriginOnly() throws Exception {
    // a password outside Latin-1 goes as UTF-8, as curl sends it (RFC 7617)
    String basic =
        okhttp3.Credentials.basic("alice", "s3crжt", java.nio.charset.StandardCharsets.UTF_8);
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            if (!basic.equals(request.getHeaders().get("Authorization"))) {
              return new mockwebserver3.MockResponse.Builder().code(401).build();
            }
            String path = request.getUrl().encodedPath();
            return path.endsWith("/cn.gif")
                ? new mockwebserver3.MockResponse.Builder()
                    .code(302)
                    .addHeader("Location", otherOrigin.url("/elsewhere/cn.gif"))
                    .build()
                : FlagDispatcher.ok("BR");
          }
        });
    otherOrigin.setDispatcher(new FlagDispatcher().serve("CN"));
    String url =
        server.url("/flags").newBuilder().username("alice").password("s3crжt").build().toString();

    Flags2Runner.Run run =
        new Flags2Runner().run("-s", url, "-d", dest.toString(), "-v", "--json", "br", "cn");

    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals(basic, server.takeRequest().getHeaders().get("Authorization"));
    assertEquals(
        null,
        otherOrigin.takeRequest().getHeaders().get("Authorization"),
        "dropped on a redirect to another origin");
    assertFalse((run.out() + run.err()).contains("s3cr"), run.out() + run.err());
  }

  /** Only a URL's own credentials become an Authorization header: a plain URL sends none. */
  @Test
  void aUrlWithoutCredentialsSendsNoAuthorization() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR"));

    Flags2Runner.Run run =
        new Flags2Runner().run("-s", server.url("/flags").toString(), "-d", dest.toString(), "br");

    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals(null, server.takeRequest().getHeaders().get("Authorization"));
  }
}
