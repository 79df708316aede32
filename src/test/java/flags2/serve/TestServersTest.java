package flags2.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Codes;
import flags2.common.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestServersTest {
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final Map<Site, Integer> ANY_PORTS =
      Map.of(Site.LOCAL, 0, Site.DELAY, 0, Site.ERROR, 0);

  @TempDir Path tmp;

  @AfterAll
  static void closeClient() {
    CLIENT.dispatcher().executorService().shutdown();
    CLIENT.connectionPool().evictAll();
  }

  private static TestServers.Config config(
      double delay, double errorRate, OptionalLong seed, Path dir) {
    return new TestServers.Config(
        InetAddress.getLoopbackAddress(),
        ANY_PORTS,
        new Delay(delay, delay),
        errorRate,
        0.5,
        418,
        seed,
        dir);
  }

  private static TestServers start(TestServers.Config config) throws IOException {
    return TestServers.start(config, EnumSet.of(Site.LOCAL, Site.DELAY, Site.ERROR));
  }

  record Reply(int code, String contentType, byte[] body) {}

  private static Reply get(HttpUrl base, String path) throws IOException {
    HttpUrl url = base.newBuilder().addPathSegments(path).build();
    try (Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
      return new Reply(response.code(), response.header("Content-Type"), response.body().bytes());
    }
  }

  @Test
  void servesAGifAndMetadataForEachKnownCodeAnd404ForOthers() throws IOException {
    try (TestServers servers = start(config(0, 0, OptionalLong.of(0), null))) {
      HttpUrl local = servers.url(Site.LOCAL);
      Reply gif = get(local, "br/br.gif");
      assertEquals(200, gif.code());
      assertEquals("image/gif", gif.contentType());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(gif.body()));
      assertEquals(300, image.getWidth());

      Reply metadata = get(local, "br/metadata.json");
      assertEquals("application/json", metadata.contentType());
      assertEquals(
          "{\"country\": \"Brazil\", \"iso_cc\": \"BR\"}",
          new String(metadata.body(), StandardCharsets.UTF_8));

      assertEquals(404, get(local, "xx/xx.gif").code());
      assertEquals(404, get(local, "br/cn.gif").code());
      assertEquals(404, get(local, "BR/BR.gif").code());
    }
  }

  @Test
  void everyGeneratedImageIsAGifOfOneTo40KilobytesAndTheSameEveryTime() throws IOException {
    for (String code : Codes.countryCodes()) {
      byte[] gif = GeneratedContent.draw(code);
      assertTrue(
          gif.length >= 1024 && gif.length <= 40 * 1024, code + ": " + gif.length + " bytes");
      assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
    }
    assertArrayEquals(GeneratedContent.draw("BR"), GeneratedContent.draw("BR"));
    assertFalse(java.util.Arrays.equals(GeneratedContent.draw("BR"), GeneratedContent.draw("CN")));
  }

  @Test
  void theDelayServerDelaysEveryResponse() throws IOException {
    try (TestServers servers = start(config(0.3, 0, OptionalLong.of(0), null))) {
      long start = System.nanoTime();
      assertEquals(200, get(servers.url(Site.DELAY), "br/br.gif").code());
      assertEquals(404, get(servers.url(Site.DELAY), "xx/xx.gif").code());
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMillis >= 600, "two delayed requests took only " + elapsedMillis + " ms");
    }
  }

  private static Set<String> teapots(TestServers.Config config) throws IOException {
    Set<String> teapots = new TreeSet<>();
    try (TestServers servers = start(config)) {
      for (String code : Codes.countryCodes()) {
        String cc = code.toLowerCase(Locale.ROOT);
        Reply reply = get(servers.url(Site.ERROR), cc + "/" + cc + ".gif");
        if (reply.code() == 418) {
          teapots.add(code);
        } else {
          assertEquals(200, reply.code());
        }
      }
    }
    return teapots;
  }

  @Test
  void withASeedTheErrorServerFailsTheSameCodesEveryRun() throws IOException {
    Set<String> first = teapots(config(0, 0.25, OptionalLong.of(7), null));
    Set<String> second = teapots(config(0, 0.25, OptionalLong.of(7), null));
    assertEquals(first, second);
    assertTrue(
        first.size() > 194 / 8 && first.size() < 194 / 2,
        "a 25 % rate gave " + first.size() + " errors");
    assertNotEquals(first, teapots(config(0, 0.25, OptionalLong.of(8), null)));
  }

  @Test
  void theErrorServerCanFailWith503AndRetryAfterSoThatClientsRetry() throws IOException {
    TestServers.Config config =
        new TestServers.Config(
            InetAddress.getLoopbackAddress(),
            ANY_PORTS,
            new Delay(0, 0),
            1.0,
            0,
            503,
            OptionalLong.of(0),
            null);
    try (TestServers servers = start(config);
        Response response =
            CLIENT
                .newCall(
                    new Request.Builder()
                        .url(
                            servers
                                .url(Site.ERROR)
                                .newBuilder()
                                .addPathSegments("br/br.gif")
                                .build())
                        .build())
                .execute()) {
      assertEquals(503, response.code());
      assertEquals("1", response.header("Retry-After"));
      assertEquals(200, get(servers.url(Site.LOCAL), "br/br.gif").code(), "only ERROR fails");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 302, 404, 399, 600})
  void anErrorStatusThatIsNoErrorOr404IsRefused(int status) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestServers.Config.defaults().withErrorStatus(status));
    assertEquals(
        "--error-status must be 400 to 599, other than 404, not " + status + ".", e.getMessage());
  }

  @Test
  void withRandomSeedEachRunDrawsAfresh() throws IOException {
    assertNotEquals(
        teapots(config(0, 0.5, OptionalLong.empty(), null)),
        teapots(config(0, 0.5, OptionalLong.empty(), null)));
  }

  private static String rawGet(HttpUrl base, String rawPath) throws IOException {
    try (Socket socket = new Socket(base.host(), base.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/flags/../../etc/passwd",
        "/flags/%2e%2e/%2e%2e/etc/passwd",
        "/flags/..%2f..%2fsecret.txt",
        "/flags/br/..%2F..%2F..%2Fsecret.txt",
        "/flags/%2E%2E/secret.txt"
      })
  void pathTraversalIsRefused(String rawPath) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root/flags/br"));
    Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
    Files.writeString(tmp.resolve("root/secret.txt"), "TOP SECRET");
    try (TestServers servers =
        start(config(0, 0, OptionalLong.of(0), root.getParent().getParent()))) {
      String reply = rawGet(servers.url(Site.LOCAL), rawPath);
      assertTrue(reply.startsWith("HTTP/1.1 400") || reply.startsWith("HTTP/1.1 404"), reply);
      assertFalse(reply.contains("TOP SECRET"), reply);
    }
  }

  @Test
  void dirServesTheBooksTreeAndAFlatFolderByteForByte() throws IOException {
    byte[] gif = GeneratedContent.draw("BR");
    Path book = Files.createDirectories(tmp.resolve("book/flags/br"));
    Files.write(book.resolve("br.gif"), gif);
    Files.writeString(book.resolve("metadata.json"), "{\"iso_cc\": \"BR\"}");
    Path flat = Files.createDirectories(tmp.resolve("flat"));
    Files.write(flat.resolve("br.gif"), gif);

    for (Path dir : new Path[] {tmp.resolve("book"), flat}) {
      try (TestServers servers = start(config(0, 0, OptionalLong.of(0), dir))) {
        Reply reply = get(servers.url(Site.LOCAL), "br/br.gif");
        assertEquals(200, reply.code());
        assertArrayEquals(gif, reply.body());
        assertEquals(404, get(servers.url(Site.LOCAL), "cn/cn.gif").code());
      }
    }
  }

  @Test
  void theDelayServerTakes1000ConcurrentRequestsWithoutRefusingAny() throws Exception {
    // Every response is held until all 1000 requests are in the server's handlers at once: if the
    // server admitted fewer together, the latch would never open and the held ones time out.
    int requests = 1000;
    java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(requests);
    java.util.concurrent.atomic.AtomicInteger heldUntilAllArrived =
        new java.util.concurrent.atomic.AtomicInteger();
    Pause allTogether =
        (arrival, delay) -> {
          arrived.countDown();
          try {
            if (arrived.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
              heldUntilAllArrived.incrementAndGet();
            }
            return true;
          } catch (InterruptedException e) {
            return false;
          }
        };
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(requests);
    dispatcher.setMaxRequestsPerHost(requests);
    OkHttpClient client =
        CLIENT
            .newBuilder()
            .dispatcher(dispatcher)
            .readTimeout(java.time.Duration.ofSeconds(90))
            .connectionPool(
                new okhttp3.ConnectionPool(requests, 1, java.util.concurrent.TimeUnit.MINUTES))
            .build();
    java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(requests);
    TestServers.Config config = config(0.5, 0, OptionalLong.of(0), null);
    try (TestServers servers =
        TestServers.start(config, EnumSet.of(Site.DELAY), null, allTogether)) {
      HttpUrl url = servers.url(Site.DELAY).newBuilder().addPathSegments("br/br.gif").build();
      for (int i = 0; i < requests; i++) {
        client
            .newCall(new Request.Builder().url(url).build())
            .enqueue(
                new okhttp3.Callback() {
                  @Override
                  public void onFailure(okhttp3.Call call, IOException e) {
                    done.countDown();
                  }

                  @Override
                  public void onResponse(okhttp3.Call call, Response response) {
                    try (response) {
                      if (response.code() == 200) {
                        ok.incrementAndGet();
                      }
                    }
                    done.countDown();
                  }
                });
      }
      assertTrue(done.await(120, java.util.concurrent.TimeUnit.SECONDS), "requests did not end");
    } finally {
      dispatcher.executorService().shutdown();
      client.connectionPool().evictAll();
    }
    assertEquals(requests, heldUntilAllArrived.get(), "requests in the server together");
    assertEquals(requests, ok.get(), "200 responses");
  }

  @Test
  void serversBindLoopbackAndFreeTheirPortsWhenClosed() throws IOException {
    int port;
    try (TestServers servers = start(config(0, 0, OptionalLong.of(0), null))) {
      HttpUrl url = servers.url(Site.LOCAL);
      assertTrue(InetAddress.getByName(url.host()).isLoopbackAddress(), url.host());
      port = url.port();
    }
    try (java.net.ServerSocket again =
        new java.net.ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }
}
