package flags2.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket server for faults MockWebServer cannot script: it reads the request head and
 * hands the raw output stream to a behaviour, then closes the connection; or, made with {@link
 * #keepAlive}, answers every request on a connection until the client closes it.
 */
public final class RawServer implements AutoCloseable {
  public interface Behaviour {
    void respond(OutputStream out) throws IOException;
  }

  /**
   * Answers the {@code n}th request a keep-alive server received (from 0, over all connections).
   */
  public interface KeepAliveBehaviour {
    void respond(int n, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final AtomicInteger requests = new AtomicInteger();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore closedByClient = new Semaphore(0);

  public RawServer(Behaviour behaviour) throws IOException {
    this(
        (client, requests, closed) -> {
          readHead(client.getInputStream());
          behaviour.respond(client.getOutputStream());
        });
  }

  /** A server that keeps each connection open for the client's next request. */
  public static RawServer keepAlive(KeepAliveBehaviour behaviour) throws IOException {
    return new RawServer(
        (client, requests, closed) -> {
          while (readHead(client.getInputStream())) {
            behaviour.respond(requests.getAndIncrement(), client.getOutputStream());
            client.getOutputStream().flush();
          }
          closed.release();
        });
  }

  private interface Connection {
    void serve(Socket client, AtomicInteger requests, Semaphore closed) throws IOException;
  }

  private RawServer(Connection connection) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(
        () -> {
          while (!socket.isClosed()) {
            Socket client = socket.accept();
            threads.submit(
                () -> {
                  try (client) {
                    connection.serve(client, requests, closedByClient);
                  }
                  return null;
                });
          }
          return null;
        });
  }

  /**
   * Waits, at most {@code timeout}, until the client has closed one more connection of a keep-alive
   * server; false if it has not.
   */
  public boolean awaitClosedByClient(Duration timeout) throws InterruptedException {
    return closedByClient.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The requests a keep-alive server has read so far. */
  public int requests() {
    return requests.get();
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/flags";
  }

  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads up to the blank line ending a request head; false when the client closed first. */
  private static boolean readHead(InputStream in) throws IOException {
    int matched = 0;
    for (int b; matched < 4; ) {
      if ((b = in.read()) == -1) {
        return false;
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
