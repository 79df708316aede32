package flags2.download;

import flags2.common.Site;
import flags2.serve.TestServers;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The test server a run starts in-process when its server is LOCAL, DELAY or ERROR and nothing
 * listens on that port, so that a first {@code flags2 -s DELAY a b c} works on a fresh machine.
 */
final class EmbeddedServer {
  private EmbeddedServer() {}

  /**
   * That server, started and announced on {@code notes}; null when the site is not a test server,
   * something listens on its port already, or it cannot start (said on {@code notes}).
   */
  static TestServers startIfMissing(Site site, HttpUrl url, PrintStream notes) {
    if (!site.embeddable() || listening(url)) {
      return null;
    }
    try {
      TestServers servers =
          TestServers.start(
              TestServers.Config.defaults().withPorts(Map.of(site, url.port())), Set.of(site));
      // two lines, so that each fits an 80-column terminal
      notes.printf(
          "note: nothing listens on %s:%d; using the embedded %s server%n"
              + "      for this run (see 'flags2 serve')%n",
          url.host(), url.port(), site);
      return servers;
    } catch (IOException e) {
      notes.printf("note: could not start the embedded %s server: %s%n", site, e.getMessage());
      return null;
    }
  }

  private static boolean listening(HttpUrl url) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.host(), url.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
