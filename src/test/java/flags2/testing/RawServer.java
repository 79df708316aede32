package flags2.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback socket server for faults MockWebServer cannot script: it reads the request head and
 * hands the raw output stream to a behaviour, then closes the connection.
 */
public final class RawServer implements AutoCloseable {
  public interface Behaviour {
    void respond(OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  public RawServer(Behaviour behaviour) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(
        () -> {
          while (!socket.isClosed()) {
            Socket client = socket.accept();
            threads.submit(
                () -> {
                  try (client) {
                    readHead(client.getInputStream());
                    behaviour.respond(client.getOutputStream());
                  }
                  return null;
                });
          }
          return null;
        });
  }

  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/flags";
  }

  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    for (int b; matched < 4 && (b = in.read()) != -1; ) {
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
