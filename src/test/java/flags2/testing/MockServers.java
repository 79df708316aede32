package flags2.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * MockWebServers that answer a run of requests on one connection at full speed. MockWebServer
 * writes a response's head and body in two writes and leaves Nagle's algorithm on, so on Linux
 * every response after a connection's first few waits for the client's delayed ACK, 40 ms: 80
 * requests in sequence took 3.5 s. flags2's own test servers ({@code flags2 serve}) do not stall
 * this way; the stall was only the tests' server's.
 */
public final class MockServers {
  private MockServers() {}

  /** A MockWebServer whose accepted connections send each write at once (TCP_NODELAY). */
  public static MockWebServer noDelay() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayFactory());
    return server;
  }

  private static final class NoDelayFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelaySocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelaySocket extends ServerSocket {
    NoDelaySocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
