package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.Shutdown;
import flags2.testing.MockServers;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run's client: for an http base it starts without TLS, yet still follows a redirect to https,
 * counting it against the redirect limit.
 */
class HttpClientsTest {
  private static final HeldCertificate CERTIFICATE =
      new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  /** Makes a client trust the test certificate, as a user's client trusts a real one. */
  private static final UnaryOperator<OkHttpClient.Builder> TRUST_TEST_CERTIFICATE =
      builder -> {
        HandshakeCertificates trusted =
            new HandshakeCertificates.Builder()
                .addTrustedCertificate(CERTIFICATE.certificate())
                .build();
        return builder.sslSocketFactory(trusted.sslSocketFactory(), trusted.trustManager());
      };

  @StartStop private final MockWebServer http = MockServers.noDelay();
  private final MockWebServer https = MockServers.noDelay();
  private OkHttpClient client;

  @BeforeEach
  void startHttps() throws IOException {
    https.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(CERTIFICATE)
            .build()
            .sslSocketFactory());
    https.start();
    client =
        HttpClients.create(4, Duration.ofSeconds(5), http.url("/flags"), TRUST_TEST_CERTIFICATE);
  }

  @AfterEach
  void stop() {
    HttpClients.shutdown(client, Shutdown.STANDARD);
    https.close();
  }

  private static MockResponse redirect(HttpUrl location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location.toString()).build();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .tag(HttpClients.Redirects.class, new HttpClients.Redirects())
        .build();
  }

  @Test
  void anHttpBaseFollowsARedirectToHttps() throws Exception {
    http.enqueue(redirect(https.url("/flags/br/br.gif")));
    https.enqueue(new MockResponse.Builder().body("GIF89a").build());

    try (Response response = client.newCall(get(http.url("/flags/br/br.gif"))).execute()) {
      assertEquals(200, response.code());
      assertEquals("GIF89a", response.body().string());
      assertTrue(response.request().url().isHttps(), response.request().url().toString());
    }
    assertEquals("/flags/br/br.gif", https.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  @Test
  void aSlowRedirectToHttpsStillEndsAtTheOneDeadline() throws Exception {
    OkHttpClient halfASecond =
        HttpClients.create(4, Duration.ofMillis(500), http.url("/flags"), TRUST_TEST_CERTIFICATE);
    // the first hop takes 0.3 s, the second would take 0.3 s more: 0.6 s in all
    http.enqueue(
        new MockResponse.Builder(redirect(https.url("/flags/br/br.gif")))
            .headersDelay(300, TimeUnit.MILLISECONDS)
            .build());
    https.enqueue(
        new MockResponse.Builder().body("GIF89a").headersDelay(300, TimeUnit.MILLISECONDS).build());
    try {
      // each hop is within the 0.5 s connect, read and write timeouts: only a deadline on the whole
      // call, redirect included, ends it
      IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IOException.class,
              () -> halfASecond.newCall(get(http.url("/flags/br/br.gif"))).execute().close());
      assertEquals(
          "Timeout after 0.5s", Failures.describe(e, Duration.ofMillis(500)), e.toString());
    } finally {
      HttpClients.shutdown(halfASecond, Shutdown.STANDARD);
    }
  }

  @Test
  void anHttpsBaseGetsAClientWithTls() throws Exception {
    OkHttpClient tlsClient =
        HttpClients.create(4, Duration.ofSeconds(5), https.url("/flags"), TRUST_TEST_CERTIFICATE);
    https.enqueue(new MockResponse.Builder().body("GIF89a").build());
    try (Response response = tlsClient.newCall(get(https.url("/flags/us/us.gif"))).execute()) {
      assertEquals(200, response.code());
    } finally {
      HttpClients.shutdown(tlsClient, Shutdown.STANDARD);
    }
  }

  @Test
  void anEnqueuedCallFollowsARedirectToHttpsToo() throws Exception {
    http.enqueue(redirect(https.url("/flags/cn/cn.gif")));
    https.enqueue(new MockResponse.Builder().body("GIF89a").build());
    CompletableFuture<Integer> code = new CompletableFuture<>();

    client
        .newCall(get(http.url("/flags/cn/cn.gif")))
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  code.complete(response.code());
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                code.completeExceptionally(e);
              }
            });
    assertEquals(200, code.get(5, TimeUnit.SECONDS));
  }

  @Test
  void redirectsOnBothSidesOfTheSchemeChangeCountTowardTheLimit() {
    // http: three hops, then https: three more, one over the limit of five
    http.enqueue(redirect(http.url("/1")));
    http.enqueue(redirect(http.url("/2")));
    http.enqueue(redirect(https.url("/3")));
    https.enqueue(redirect(https.url("/4")));
    https.enqueue(redirect(https.url("/5")));
    https.enqueue(redirect(https.url("/6")));
    https.enqueue(new MockResponse.Builder().body("GIF89a").build());

    ProtocolException e =
        assertThrows(
            ProtocolException.class, () -> client.newCall(get(http.url("/0"))).execute().close());
    assertEquals(
        "Too many redirects (more than " + HttpClients.MAX_REDIRECTS + ")", e.getMessage());
  }

  @Test
  void loopbackIsLocalhostAnd127AndColonColonOne() {
    for (String url :
        List.of(
            "http://localhost/flags",
            "http://127.0.0.1:1/",
            "http://127.1.2.3/",
            "http://[::1]:9/flags")) {
      assertTrue(HttpClients.isLoopback(HttpUrl.get(url)), url);
    }
    for (String url :
        List.of(
            "https://www.fluentpython.com/data/flags",
            "http://10.0.0.1/",
            "http://[::2]/",
            "http://localhost.example/")) {
      assertFalse(HttpClients.isLoopback(HttpUrl.get(url)), url);
    }
  }

  /**
   * A remote host's connects race IPv6 against IPv4 (OkHttp's fast fallback), as browsers and curl
   * do; loopback has no second path to race, and a thousand connects there are faster without.
   */
  @Test
  void onlyARemoteHostHasItsIpv6AndIpv4ConnectsRaced() {
    OkHttpClient remote =
        HttpClients.create(4, Duration.ofSeconds(5), HttpUrl.get("http://flags.example/flags"));
    try {
      assertTrue(remote.fastFallback(), "remote");
      assertFalse(client.fastFallback(), "loopback: " + http.url("/flags"));
    } finally {
      HttpClients.shutdown(remote, Shutdown.STANDARD);
    }
  }
}
