package flags2.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port a test holds for as long as it needs it, instead of binding port 0, closing it
 * and hoping nobody takes it meanwhile: a socket is bound to the port but never listens. So a
 * connection to it is refused, the kernel gives the port to no other bind to port 0, and a server
 * the code under test starts on it may still listen there (both sockets ask for SO_REUSEADDR, as
 * the JDK's server sockets do on Linux: Linux allows that while no socket listens on the port).
 */
public final class ReservedPort implements AutoCloseable {
  private final Socket socket;

  private ReservedPort(Socket socket) {
    this.socket = socket;
  }

  /** A port on 127.0.0.1 held until {@link #close}. */
  public static ReservedPort open() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException(e);
    }
    return new ReservedPort(socket);
  }

  public int number() {
    return socket.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + number() + path;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
