package flags2.serve;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import flags2.common.Site;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;

/**
 * The LOCAL, DELAY and ERROR test servers in one process, on the JDK's own HTTP server with a
 * virtual thread per request. Used by {@code flags2 serve} and embedded by the client when nothing
 * listens on a labelled port. Close it to free the ports; its threads never keep a JVM alive after.
 */
public final class TestServers implements AutoCloseable {

  /**
   * Settings for a set of servers. {@code errorStatus} is what ERROR answers when it fails a
   * request; {@code seed} empty means a fresh draw per request; {@code dir} null means generated
   * content.
   */
  public record Config(
      InetAddress bind,
      Map<Site, Integer> ports,
      Delay delay,
      double errorRate,
      double errorDelayShare,
      int errorStatus,
      OptionalLong seed,
      Path dir) {

    /** Refuses an {@code errorStatus} that is no error, or is 404, which means "not found". */
    public Config {
      if (errorStatus < 400 || errorStatus > 599 || errorStatus == 404) {
        throw new IllegalArgumentException(
            "--error-status must be 400 to 599, other than 404, not " + errorStatus + ".");
      }
    }

    /** The book's setup: loopback, ports 8001-8003, 0.5 s, 25 % errors, half delayed, seed 0. */
    public static Config defaults() {
      return new Config(
          InetAddress.getLoopbackAddress(),
          Map.of(Site.LOCAL, 8001, Site.DELAY, 8002, Site.ERROR, 8003),
          new Delay(0.5, 0.5),
          0.25,
          0.5,
          418,
          OptionalLong.of(0),
          null);
    }

    public Config withPorts(Map<Site, Integer> ports) {
      return new Config(bind, ports, delay, errorRate, errorDelayShare, errorStatus, seed, dir);
    }

    public Config withErrorStatus(int errorStatus) {
      return new Config(bind, ports, delay, errorRate, errorDelayShare, errorStatus, seed, dir);
    }

    public Config withSeed(OptionalLong seed) {
      return new Config(bind, ports, delay, errorRate, errorDelayShare, errorStatus, seed, dir);
    }

    public Config withDelay(Delay delay) {
      return new Config(bind, ports, delay, errorRate, errorDelayShare, errorStatus, seed, dir);
    }

    Behaviour behaviour(Site site) {
      return switch (site) {
        case LOCAL -> new Behaviour(0, 0, errorStatus, delay, seed);
        case DELAY -> new Behaviour(0, 1, errorStatus, delay, seed);
        case ERROR -> new Behaviour(errorRate, errorDelayShare, errorStatus, delay, seed);
        case REMOTE, URL -> throw new IllegalArgumentException(site + " is not a test server");
      };
    }
  }

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms lost per keep-alive request. Read once, when the server loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Map<Site, HttpServer> servers = new EnumMap<>(Site.class);
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final boolean https;

  private TestServers(boolean https) {
    this.https = https;
  }

  /**
   * Starts one server per site in {@code sites}, on the configured port of each (0 for any free
   * port).
   *
   * @throws BindException when a port is taken, its message naming the address, the port and the
   *     server ({@code cannot listen on 127.0.0.1:8003 (ERROR): address already in use}); servers
   *     already started are stopped
   * @throws IOException when a server cannot start for another reason, likewise
   */
  public static TestServers start(Config config, Set<Site> sites) throws IOException {
    return start(config, sites, null);
  }

  /**
   * As {@link #start(Config, Set)}, over HTTPS with {@code tls}'s certificate; {@code tls} null
   * means plain HTTP.
   */
  public static TestServers start(Config config, Set<Site> sites, ServerTls tls)
      throws IOException {
    return start(config, sites, tls, Pause.SLEEP);
  }

  /** As {@link #start(Config, Set, ServerTls)}, waiting out delays with {@code pause}. */
  static TestServers start(Config config, Set<Site> sites, ServerTls tls, Pause pause)
      throws IOException {
    Content content =
        config.dir() == null ? new GeneratedContent() : new DirectoryContent(config.dir());
    TestServers started = new TestServers(tls != null);
    try {
      for (Site site : sites) {
        InetSocketAddress address = new InetSocketAddress(config.bind(), config.ports().get(site));
        HttpServer server;
        try {
          if (tls == null) {
            server = HttpServer.create(address, 4096);
          } else {
            HttpsServer secure = HttpsServer.create(address, 4096);
            secure.setHttpsConfigurator(tls.configurator());
            server = secure;
          }
        } catch (BindException e) {
          throw new BindException(
              "cannot listen on "
                  + address.getAddress().getHostAddress()
                  + ":"
                  + address.getPort()
                  + " ("
                  + site
                  + "): address already in use");
        }
        server.setExecutor(started.executor);
        server.createContext("/", new FlagHandler(content, config.behaviour(site), pause));
        server.start();
        started.servers.put(site, server);
      }
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /**
   * The base URL of a started server, e.g. {@code http://127.0.0.1:8001/flags}, or {@code https}.
   */
  public HttpUrl url(Site site) {
    InetSocketAddress address = servers.get(site).getAddress();
    return new HttpUrl.Builder()
        .scheme(https ? "https" : "http")
        .host(address.getAddress().getHostAddress())
        .port(address.getPort())
        .addPathSegment("flags")
        .build();
  }

  public Set<Site> sites() {
    return servers.keySet();
  }

  @Override
  public void close() {
    servers.values().forEach(server -> server.stop(0));
    executor.shutdownNow();
  }
}
