package flags2.download;

import flags2.report.Transport;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Protocol;

/**
 * Counts, for one run, the requests sent per HTTP version, the connections that carried them and
 * the connections set up: OkHttp's events, one listener per call, joined to the client's others
 * ({@link RequestLog}) with {@link EventListener#plus}. A request counts when its headers start
 * going out, over the connection its call acquired last: a redirect or a retry is a request too.
 */
final class TransportLog implements EventListener.Factory {
  private final AtomicInteger http1Requests = new AtomicInteger();
  private final AtomicInteger http2Requests = new AtomicInteger();
  private final Set<Connection> http1Connections = ConcurrentHashMap.newKeySet();
  private final Set<Connection> http2Connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger opened = new AtomicInteger();

  @Override
  public EventListener create(Call call) {
    return new EventListener() {
      private Connection connection;

      @Override
      public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        opened.incrementAndGet();
      }

      @Override
      public void connectionAcquired(Call call, Connection connection) {
        this.connection = connection;
      }

      @Override
      public void requestHeadersStart(Call call) {
        if (connection == null) {
          return; // not sent over a connection of this client's (cannot happen in OkHttp 5)
        }
        if (HttpVersion.isHttp2(connection.protocol())) {
          http2Requests.incrementAndGet();
          http2Connections.add(connection);
        } else {
          http1Requests.incrementAndGet();
          http1Connections.add(connection);
        }
      }
    };
  }

  /** What the run's requests went over so far: all of it once the client is shut down. */
  Transport transport() {
    return new Transport(
        http1Requests.get(),
        http1Connections.size(),
        http2Requests.get(),
        http2Connections.size(),
        opened.get());
  }
}
