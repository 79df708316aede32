package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no proxy option or variable, the JDK's own settings ({@code -Dhttp.proxyHost}, as {@code
 * JAVA_OPTS} passes them: README, Proxies) still carry remote downloads, and loopback still goes
 * directly even where those settings would proxy it. The settings are the JVM's system properties:
 * each test sets them and puts back what was there.
 */
class JdkProxySettingsTest {
  private static final String[] PROPERTIES = {
    "http.proxyHost", "http.proxyPort", "http.nonProxyHosts"
  };

  @StartStop private final MockWebServer proxy = MockServers.noDelay();
  @StartStop private final MockWebServer origin = MockServers.noDelay();
  @TempDir Path dest;
  private final Map<String, String> saved = new HashMap<>();

  /** {@code -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=P -Dhttp.nonProxyHosts=}: every host. */
  @BeforeEach
  void proxyEveryHostThroughTheJdksSettings() {
    for (String name : PROPERTIES) {
      saved.put(name, System.getProperty(name));
    }
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", String.valueOf(proxy.getPort()));
    System.setProperty("http.nonProxyHosts", "");
  }

  @AfterEach
  void restoreTheJdksSettings() {
    saved.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
  }

  private Flags2Runner.Run run(String server) {
    return new Flags2Runner().run("-d", dest.toString(), "-s", server, "br");
  }

  @Test
  void aRemoteDownloadGoesThroughTheJdksProxy() throws Exception {
    proxy.setDispatcher(new FlagDispatcher().serve("BR"));

    Flags2Runner.Run run = run("http://flags.example/flags");

    assertEquals(0, run.status(), run.screen());
    RecordedRequest request = proxy.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(request, "the proxy was never asked");
    assertEquals("GET http://flags.example/flags/br/br.gif HTTP/1.1", request.getRequestLine());
  }

  @Test
  void aLoopbackDownloadGoesDirectlyEvenWhenTheJdkWouldProxyIt() {
    origin.setDispatcher(new FlagDispatcher().serve("BR"));

    Flags2Runner.Run run = run(origin.url("/flags").toString());

    assertEquals(0, run.status(), run.screen());
    assertEquals(1, origin.getRequestCount());
    assertEquals(0, proxy.getRequestCount());
  }
}
