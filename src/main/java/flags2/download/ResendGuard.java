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
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Lets OkHttp send a request again only where the server cannot have answered it: after a pooled
 * HTTP/1 connection failed before a single byte came back (the server had closed it while it sat in
 * the pool, or read the request and hung up; curl repeats that case too). OkHttp then tries another
 * connection, each pooled one at most once, and a fresh one last. Any other failure leaves as a
 * {@link NotRepeated}, which OkHttp never retries, so with {@code --retries N} a server sees at
 * most N + 1 answered requests per code.
 *
 * <p>A network interceptor, outermost, with the {@link #sockets} factory counting the bytes each
 * thread reads: an HTTP/1 exchange reads its response on the thread that runs the interceptor, TLS
 * included. HTTP/2 is left to OkHttp, which repeats a stream only when the server refused it.
 */
final class ResendGuard implements Interceptor {
  private static final ThreadLocal<long[]> READ = ThreadLocal.withInitial(() -> new long[1]);

  private final Set<Connection> used = Collections.synchronizedSet(weakSet());

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection == null || connection.protocol() == Protocol.HTTP_2) {
      return chain.proceed(chain.request());
    }
    boolean reused = !used.add(connection);
    long before = READ.get()[0];
    try {
      return chain.proceed(chain.request());
    } catch (ProtocolException e) {
      throw e; // OkHttp never repeats these
    } catch (IOException e) {
      if (reused && READ.get()[0] == before) {
        throw e; // unheard: OkHttp sends it again, on another connection
      }
      throw new NotRepeated(e);
    }
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
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return connected(new InetSocketAddress(host, port));
      }

      private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new CountingSocket();
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
