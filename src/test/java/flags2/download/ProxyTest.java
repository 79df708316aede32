package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.ReservedPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads through a proxy, a MockWebServer that records the absolute-form or CONNECT request
 * line: the environment and the options choose it, loopback never uses it, its credentials reach
 * only it, and its failures name it. The target host is never looked up: the proxy would.
 */
class ProxyTest {
  private static final String TARGET = "http://flags.example/flags";

  @StartStop private final MockWebServer proxy = MockServers.noDelay();
  @StartStop private final MockWebServer origin = MockServers.noDelay();
  @TempDir Path dest;

  /** A loopback port nothing listens on. */
  @AutoClose private final ReservedPort dead = ReservedPort.open();

  private String proxyUrl() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  private Flags2Runner.Run run(Flags2Runner runner, String server, String... args) {
    List<String> all = new ArrayList<>(List.of("-d", dest.toString(), "-s", server));
    all.addAll(List.of(args));
    return runner.run(all);
  }

  private void proxyAnswersEveryRequest(int status) {
    proxy.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(status).build();
          }
        });
  }

  /** The run failed, and its error for BR names the proxy and then says {@code problem}. */
  private void assertProxyNamed(Flags2Runner.Run run, String problem) {
    assertEquals(1, run.status(), run.screen());
    String error = "*** Error for BR: proxy 127.0.0.1:" + proxy.getPort() + problem;
    assertTrue(run.out().contains(error), run.out());
  }

  private List<RecordedRequest> recorded(MockWebServer server) throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      requests.add(server.takeRequest());
    }
    return requests;
  }

  @Test
  void httpProxyFromTheEnvironmentCarriesEveryRequest() throws Exception {
    proxy.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));
    Flags2Runner.Run run =
        run(new Flags2Runner().env("http_proxy", proxyUrl()), TARGET, "br", "cn", "us");
    assertEquals(0, run.status(), run.screen());
    assertTrue(Files.exists(dest.resolve("br.gif")));
    List<String> lines = recorded(proxy).stream().map(RecordedRequest::getRequestLine).toList();
    assertTrue(lines.contains("GET http://flags.example/flags/br/br.gif HTTP/1.1"), "" + lines);
    assertEquals(3, lines.size());
  }

  @Test
  void verboseSaysOnceWhichProxyAndWhy() {
    proxy.setDispatcher(new FlagDispatcher().serve("BR", "CN"));
    Flags2Runner.Run run =
        run(new Flags2Runner().env("all_proxy", proxyUrl()), TARGET, "-v", "br", "cn");
    assertEquals(0, run.status(), run.screen());
    assertEquals(
        List.of("via proxy " + proxyUrl() + " (from all_proxy)"),
        run.err().lines().filter(l -> l.contains("proxy")).toList());
  }

  @Test
  void proxyOptionOverridesTheEnvironment() throws Exception {
    proxy.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner runner = new Flags2Runner().env("http_proxy", "http://127.0.0.1:" + dead.number());
    Flags2Runner.Run run = run(runner, TARGET, "-x", proxyUrl(), "br");
    assertEquals(0, run.status(), run.screen());
    assertEquals(1, proxy.getRequestCount());
  }

  @Test
  void noproxyOptionOverridesNoProxy() {
    proxy.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner runner =
        new Flags2Runner().env("http_proxy", proxyUrl()).env("no_proxy", "flags.example");
    Flags2Runner.Run run = run(runner, TARGET, "--noproxy", "other.example", "br");
    assertEquals(0, run.status(), run.screen());
    assertEquals(1, proxy.getRequestCount());
  }

  @Test
  void loopbackTargetsGoDirectlyWhateverIsSet() throws Exception {
    origin.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner runner = new Flags2Runner().env("http_proxy", proxyUrl());
    Flags2Runner.Run run = run(runner, origin.url("/flags").toString(), "-x", proxyUrl(), "br");
    assertEquals(0, run.status(), run.screen());
    assertEquals(0, proxy.getRequestCount());
    assertEquals(1, origin.getRequestCount());
  }

  @Test
  void credentialsInTheProxyUrlReachTheProxyDecodedAndAreNeverPrinted() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("u s:p@ss".getBytes("UTF-8"));
    FlagDispatcher flags = new FlagDispatcher().serve("BR");
    proxy.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return expected.equals(request.getHeaders().get("Proxy-Authorization"))
                ? flags.dispatch(request)
                : new MockResponse.Builder()
                    .code(407)
                    .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
                    .build();
          }
        });
    String withCredentials = "http://u%20s:p%40ss@127.0.0.1:" + proxy.getPort();
    Flags2Runner.Run run =
        run(new Flags2Runner().env("http_proxy", withCredentials), TARGET, "-v", "br");
    assertEquals(0, run.status(), run.screen());
    assertFalse(run.screen().contains("p%40ss") || run.screen().contains("p@ss"), run.screen());
    assertTrue(run.err().contains("via proxy http://***@127.0.0.1:"), run.err());
  }

  @Test
  void proxyCredentialsNeverReachAnOriginThatAsksForThem() throws Exception {
    origin.setDispatcher(new FlagDispatcher().status("BR", 407));
    Flags2Runner runner =
        new Flags2Runner().env("http_proxy", "http://u:secret@127.0.0.1:" + proxy.getPort());
    Flags2Runner.Run run = run(runner, origin.url("/flags").toString(), "-v", "br");
    assertEquals(1, run.status(), run.screen());
    List<RecordedRequest> requests = recorded(origin);
    assertEquals(1, requests.size());
    assertNull(requests.get(0).getHeaders().get("Proxy-Authorization"));
  }

  @Test
  void aProxyThatAsksForCredentialsIsNamed() throws InterruptedException {
    proxyAnswersEveryRequest(407);
    Flags2Runner.Run run =
        run(new Flags2Runner().env("http_proxy", proxyUrl()), TARGET, "-v", "br");
    assertProxyNamed(run, " requires a user name and password");
    // with no credentials configured there is nothing to answer the 407 with: no second try
    List<RecordedRequest> requests = recorded(proxy);
    assertEquals(1, requests.size());
    assertNull(requests.get(0).getHeaders().get("Proxy-Authorization"));
  }

  @Test
  void aProxyThatRefusesTheTunnelIsNamedWithItsAnswer() {
    proxyAnswersEveryRequest(403);
    Flags2Runner.Run run =
        run(
            new Flags2Runner().env("https_proxy", proxyUrl()),
            "https://flags.example/flags",
            "-v",
            "br");
    assertProxyNamed(run, " refused the tunnel (CONNECT answered 403)\n");
  }

  @Test
  void aDeadProxyIsNamed() throws IOException {
    int port = dead.number();
    Flags2Runner.Run run =
        run(new Flags2Runner().env("http_proxy", "http://127.0.0.1:" + port), TARGET, "-v", "br");
    assertEquals(1, run.status(), run.screen());
    assertTrue(
        run.out().contains("*** Error for BR: proxy 127.0.0.1:" + port + " refused the connection"),
        run.out());
  }

  @Test
  void httpsTargetsAskTheProxyForATunnelWithItsCredentials() throws Exception {
    proxyAnswersEveryRequest(403);
    Flags2Runner runner =
        new Flags2Runner()
            .env("http_proxy", "http://127.0.0.1:" + dead.number())
            .env("https_proxy", "http://u:pw@127.0.0.1:" + proxy.getPort());
    Flags2Runner.Run run = run(runner, "https://flags.example/flags", "-v", "br");
    assertEquals(1, run.status(), run.screen());
    RecordedRequest connect = proxy.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(connect, "the proxy was never asked");
    assertEquals("CONNECT flags.example:443 HTTP/1.1", connect.getRequestLine());
    assertEquals("Basic dTpwdw==", connect.getHeaders().get("Proxy-Authorization"));
  }

  @Test
  void aMalformedProxyUrlIsAUsageErrorBeforeAnyRequest() {
    Path notCreated = dest.resolve("sub");
    Flags2Runner.Run run =
        new Flags2Runner()
            .env("https_proxy", "http://bad host:1")
            .run("-d", notCreated.toString(), "-s", "https://flags.example/flags", "br");
    assertEquals(2, run.status(), run.screen());
    assertTrue(run.err().startsWith("*** Usage error: https_proxy must be a proxy URL"), run.err());
    assertFalse(Files.exists(notCreated));
  }
}
