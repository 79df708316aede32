package flags2.download;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.SocketFactory;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends a request a second time only where the server cannot have answered it. Before a request
 * goes out on a pooled HTTP/1 connection, that connection must be silent: one holding bytes nobody
 * asked for ({@link UnreadBytes}) is retired and the request goes out on another ({@link
 * #beforeSending}). After a failure, OkHttp may repeat the request only if it failed on a pooled
 * connection before a single byte came back (the server had closed it while it sat in the pool, or
 * read the request and hung up; curl repeats that case too); the pool's other idle connections are
 * then dropped, as likely dead, so the repeat gets a fresh one. Any other failure leaves as a
 * {@link NotRepeated}, which OkHttp never retries: with {@code --retries N} a server sees at most N
 * + 1 answered requests per code.
 *
 * <p>A network interceptor, outermost, with the {@link #sockets} factory counting the bytes each
 * thread reads: an HTTP/1 exchange reads its response on the thread that runs the interceptor. Over
 * TLS that count includes the server's close_notify, which is no answer, so there a failure on a
 * pooled connection is always left to OkHttp. HTTP/2 is left to OkHttp, which repeats a stream only
 * when the server refused it.
 */
final class ResendGuard implements Interceptor {
  private static final ThreadLocal<long[]> READ = ThreadLocal.withInitial(() -> new long[1]);

  private final Set<Connection> used = Collections.synchronizedSet(weakSet());
  private final ConnectionPool pool;

  ResendGuard(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection == null || HttpVersion.isHttp2(connection.protocol())) {
      return chain.proceed(chain.request());
    }
    boolean reused = !used.add(connection);
    if (reused && UnreadBytes.retireIfAny(connection)) {
      throw new NotSent(); // OkHttp would not try again: beforeSending() does
    }
    long before = READ.get()[0];
    try {
      return chain.proceed(chain.request());
    } catch (ProtocolException e) {
      throw e; // OkHttp never repeats these
    } catch (IOException e) {
      // Over TLS the count cannot tell the server's close_notify from an answer: trust OkHttp.
      if (reused && (connection.handshake() != null || READ.get()[0] == before)) {
        pool.evictAll(); // the idle ones are likely as dead: the repeat gets a fresh connection
        throw e; // unheard: OkHttp sends it again
      }
      throw new NotRepeated(e);
    }
  }

  /**
   * The application-side half: a request refused before it went out ({@link NotSent}) goes out
   * again, on another connection. Each refusal retires a pooled connection and a fresh one is never
   * refused, so this ends; the bound is a safeguard.
   */
  Interceptor beforeSending() {
    return chain -> {
      for (int refused = 0; ; refused++) {
        try {
          return chain.proceed(chain.request());
        } catch (NotSent e) {
          if (refused == 1_000) {
            throw e;
          }
        }
      }
    };
  }

  /** The sockets whose reads this guard counts; give it to the client with the guard. */
  static SocketFactory sockets() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new CountingSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return connected(
            new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return connected(
            new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
      }

      private Socket connected(InetSocketAddress address, InetSocketAddress local)
          throws IOException {
        Socket socket = new CountingSocket();
        if (local != null) {
          socket.bind(local);
        }
        socket.connect(address);
        return socket;
      }
    };
  }

  private static <T> Set<T> weakSet() {
    return Collections.newSetFromMap(new WeakHashMap<>());
  }

  /** A failure OkHttp must not repeat: it reads as the failure it wraps. */
  static final class NotRepeated extends ProtocolException {
    NotRepeated(IOException cause) {
      super(cause.getMessage());
      initCause(cause);
    }
  }

  /** A pooled connection found holding bytes nobody asked for: the request was not sent on it. */
  static final class NotSent extends IOException {
    NotSent() {
      super("unasked-for bytes on a kept-alive connection");
    }
  }

  /** A plain socket whose reads add to the reading thread's count. */
  private static final class CountingSocket extends Socket {
    private InputStream in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in =
            new FilterInputStream(super.getInputStream()) {
              @Override
              public int read() throws IOException {
                int b = super.read();
                READ.get()[0] += b < 0 ? 0 : 1;
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                READ.get()[0] += Math.max(n, 0);
                return n;
              }
            };
      }
      return in;
    }
  }
}
