package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The socket factory a download's client is given connects wherever it is asked, from the local
 * address it is asked, whichever of the factory's methods a caller uses; and a request refused
 * again and again on retired connections ends in an error instead of looping forever.
 */
class ResendGuardTest {
  private final ServerSocket server = listen();
  private final InetAddress loopback = InetAddress.getLoopbackAddress();
  private final SocketFactory sockets = ResendGuard.sockets();

  private static ServerSocket listen() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void everyWayOfAskingForASocketConnectsToTheServer() throws IOException {
    int port = server.getLocalPort();
    for (Socket socket :
        List.of(
            sockets.createSocket(loopback.getHostAddress(), port),
            sockets.createSocket(loopback, port))) {
      try (socket) {
        assertTrue(socket.isConnected());
        assertEquals(new InetSocketAddress(loopback, port), socket.getRemoteSocketAddress());
      }
    }
  }

  @Test
  void aSocketAskedForFromALocalAddressIsBoundThere() throws IOException {
    int port = server.getLocalPort();
    InetAddress local = InetAddress.getByName("127.0.0.2"); // loopback too, but not the default
    try (Socket byName = sockets.createSocket(loopback.getHostAddress(), port, local, 0);
        Socket byAddress = sockets.createSocket(loopback, port, local, 0)) {
      for (Socket socket : List.of(byName, byAddress)) {
        assertTrue(socket.isConnected());
        assertEquals(local, socket.getLocalAddress());
        assertEquals(new InetSocketAddress(loopback, port), socket.getRemoteSocketAddress());
      }
    }
  }

  @Test
  void aRequestRefusedOnEveryConnectionEndsInAnErrorAfterAThousandTries() {
    AtomicInteger tries = new AtomicInteger();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(new ResendGuard(new ConnectionPool()).beforeSending())
            .addInterceptor(
                chain -> {
                  if (tries.incrementAndGet() > 2_000) {
                    throw new AssertionError("still trying after 2,000 refusals");
                  }
                  throw new ResendGuard.NotSent();
                })
            .build();

    assertThrows(
        ResendGuard.NotSent.class,
        () -> client.newCall(new Request.Builder().url("http://127.0.0.1:1/").build()).execute());
    assertEquals(1_001, tries.get(), "the first try and a thousand more");
  }
}
