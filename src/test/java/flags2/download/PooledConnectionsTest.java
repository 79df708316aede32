package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.Shutdown;
import flags2.testing.FlagDispatcher;
import flags2.testing.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection waiting in the pool is used again only if it is still clean: one holding
 * bytes nobody asked for is dropped before a request goes out on it, and one the server closed is
 * left for a fresh connection, over TLS too.
 */
class PooledConnectionsTest {
  private static final byte[] GIF = FlagDispatcher.image("BR");
  private static final byte[] RESPONSE = response(GIF);

  private static byte[] response(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n"));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .tag(HttpClients.Redirects.class, new HttpClients.Redirects())
        .build();
  }

  private static byte[] fetch(OkHttpClient client, HttpUrl url) throws IOException {
    try (Response response = client.newCall(get(url)).execute()) {
      assertEquals(200, response.code());
      return response.body().bytes();
    }
  }

  @Test
  void bytesThatArriveOnAnIdleConnectionAreNeverReadAsTheNextResponse() throws Exception {
    CountDownLatch firstBodyRead = new CountDownLatch(1);
    CountDownLatch smuggled = new CountDownLatch(1);
    byte[] fake = response("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    try (RawServer raw =
        RawServer.keepAlive(
            (n, out) -> {
              out.write(RESPONSE);
              if (n == 0) { // then, once the client is done with it, an unasked-for response
                out.flush();
                await(firstBodyRead);
                out.write(fake);
                out.flush();
                smuggled.countDown();
              }
            })) {
      HttpUrl url = HttpUrl.get(raw.url() + "/br/br.gif");
      OkHttpClient client = HttpClients.create(1, Duration.ofSeconds(5), url);
      try {
        assertArrayEquals(GIF, fetch(client, url));
        firstBodyRead.countDown();
        await(smuggled);

        assertArrayEquals(GIF, fetch(client, url), "the smuggled bytes are not the answer");
        assertEquals(2, raw.requests(), "the second request went out on a fresh connection");
      } finally {
        HttpClients.shutdown(client, Shutdown.STANDARD);
      }
    }
  }

  @Test
  void aTlsConnectionTheServerClosedWhileIdleIsLeftForAFreshOne() throws Exception {
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    HandshakeCertificates trusted =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(certificate.certificate())
            .build();
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch closed = new CountDownLatch(1);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try (ServerSocket listener =
        server
            .sslContext()
            .getServerSocketFactory()
            .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      threads.submit(
          () -> {
            while (true) {
              Socket client = listener.accept();
              threads.submit(
                  () -> {
                    try (client) { // one answer, kept alive, then a clean TLS close (close_notify)
                      readHead(client.getInputStream());
                      requests.incrementAndGet();
                      OutputStream out = client.getOutputStream();
                      out.write(RESPONSE);
                      out.flush();
                    }
                    closed.countDown();
                    return null;
                  });
            }
          });
      HttpUrl url =
          HttpUrl.get("https://127.0.0.1:" + listener.getLocalPort() + "/flags/br/br.gif");
      OkHttpClient client =
          HttpClients.create(
              1,
              Duration.ofSeconds(5),
              url,
              builder ->
                  builder.sslSocketFactory(trusted.sslSocketFactory(), trusted.trustManager()));
      try {
        assertArrayEquals(GIF, fetch(client, url));
        await(closed);

        assertArrayEquals(GIF, fetch(client, url), "the TLS close is not an answer");
        assertEquals(2, requests.get());
      } finally {
        HttpClients.shutdown(client, Shutdown.STANDARD);
        threads.shutdownNow();
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    for (int b; matched < 4 && (b = in.read()) != -1; ) {
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
