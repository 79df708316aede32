package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP/2 told as it is: {@code --json}'s {@code protocol} and {@code connections}, the note on
 * stderr, {@code --http1.1} on an HTTP/2 server, {@code --http2-prior-knowledge} on a cleartext
 * one, as a user types them.
 */
class Http2Test {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("Http2Test CA").build();
  private static final HeldCertificate LEAF =
      new HeldCertificate.Builder()
          .signedBy(CA)
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  /** The 78 codes of {@code a b c}; AD, BR and CA are served, the rest are not found. */
  private static final List<String> ABC = List.of("a", "b", "c");

  @TempDir Path dir;
  private final MockWebServer server = MockServers.noDelay();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Serves over TLS, offering HTTP/2 and HTTP/1.1 as nginx with {@code http2 on} does. */
  private Path startHttp2OverTls(mockwebserver3.Dispatcher dispatcher) throws IOException {
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(LEAF, CA.certificate())
            .build()
            .sslSocketFactory());
    server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    server.setDispatcher(dispatcher);
    server.start();
    return Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());
  }

  private Flags2Runner.Run run(List<String> options, List<String> codes) {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("-s", server.url("/flags").toString(), "-d", dir.resolve("d").toString()));
    args.addAll(codes);
    return new Flags2Runner().run(args);
  }

  private static JsonNode json(Flags2Runner.Run run) throws IOException {
    return MAPPER.readTree(run.out());
  }

  @Test
  void jsonSaysHttp11AndOneConnectionForASequentialRunOverPlainHttp() throws IOException {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN"));
    server.start();

    Flags2Runner.Run run = run(List.of("--json", "-t", "sequential"), List.of("br", "cn", "xx"));

    assertEquals(0, run.status(), run.err());
    JsonNode json = json(run);
    assertEquals("http/1.1", json.get("protocol").asText());
    assertEquals(1, json.get("connections").asInt());
    assertEquals("", run.err(), "no HTTP/2 note for HTTP/1.1");
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anHttp2ServerCarriesEveryRequestOverOneConnectionAndStderrSaysSo(StrategyKind strategy)
      throws IOException {
    Path ca = startHttp2OverTls(new FlagDispatcher().serve("AD", "BR", "CA"));

    Flags2Runner.Run run =
        run(List.of("--cacert", ca.toString(), "--json", "-t", strategy.cliName()), ABC);

    assertEquals(0, run.status(), run.err());
    JsonNode json = json(run);
    assertEquals(3, json.get("ok").asInt());
    assertEquals("h2", json.get("protocol").asText());
    assertEquals(1, json.get("connections").asInt(), "one TLS handshake, not one per request");
    assertEquals("HTTP/2: 78 requests over 1 connection\n", run.err());
  }

  @Test
  void theNoteSaysRequestInTheSingularAndQuietDropsIt() throws IOException {
    Path ca = startHttp2OverTls(new FlagDispatcher().serve("BR"));

    Flags2Runner.Run one = run(List.of("--cacert", ca.toString()), List.of("br"));
    Flags2Runner.Run quiet = run(List.of("--cacert", ca.toString(), "-q"), List.of("br"));

    assertEquals(0, one.status(), one.err());
    assertEquals("HTTP/2: 1 request over 1 connection\n", one.err());
    assertTrue(one.out().contains("1 flag downloaded."), one.out());
    assertEquals(0, quiet.status(), quiet.err());
    assertEquals("", quiet.err());
  }

  /**
   * Serves all 78 codes of {@link #ABC}, holding the first {@code together} requests until all of
   * them have arrived, so that many are in flight at once; tracks the most the server ever had.
   */
  private static final class Together extends FlagDispatcher {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    private final CountDownLatch arrived;

    Together(int together) {
      arrived = new CountDownLatch(together);
      // every code served: a 404's body, closed unread, may cost its connection and blur the count
      for (char first = 'A'; first <= 'C'; first++) {
        for (char second = 'A'; second <= 'Z'; second++) {
          serve("" + first + second);
        }
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        arrived.countDown();
        assertTrue(
            arrived.await(10, TimeUnit.SECONDS), "the requests never were in flight at once");
        return super.dispatch(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void http11OpensOneConnectionPerRequestInFlightOnAnHttp2Server() throws IOException {
    Together together = new Together(4);
    Path ca = startHttp2OverTls(together);

    Flags2Runner.Run run =
        run(List.of("--cacert", ca.toString(), "--json", "--http1.1", "-m", "4"), ABC);

    assertEquals(0, run.status(), run.err());
    JsonNode json = json(run);
    assertEquals("http/1.1", json.get("protocol").asText());
    assertEquals(78, json.get("ok").asInt());
    assertEquals(4, json.get("connections").asInt(), "the book's lesson: m connections");
    assertEquals(4, together.most.get());
    assertEquals("", run.err(), "no HTTP/2 note for HTTP/1.1");
  }

  @Test
  void maxReqBoundsTheRequestsInFlightOverHttp2Too() throws IOException {
    Together together = new Together(4);
    Path ca = startHttp2OverTls(together);

    Flags2Runner.Run run = run(List.of("--cacert", ca.toString(), "--json", "-m", "4"), ABC);

    assertEquals(0, run.status(), run.err());
    assertEquals("h2", json(run).get("protocol").asText());
    assertEquals(4, together.most.get(), "4 streams at once on the one connection, never more");
  }

  @Test
  void priorKnowledgeSpeaksCleartextHttp2ToAnH2cServerOverOneConnection() throws IOException {
    server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    server.setDispatcher(new FlagDispatcher().serve("AD", "BR", "CA"));
    server.start();

    Flags2Runner.Run run = run(List.of("--http2-prior-knowledge", "--json"), ABC);

    assertEquals(0, run.status(), run.err());
    JsonNode json = json(run);
    assertEquals(3, json.get("ok").asInt());
    assertEquals("h2", json.get("protocol").asText());
    assertEquals(1, json.get("connections").asInt(), "streams share it: none is dropped");
    assertEquals("HTTP/2: 78 requests over 1 connection\n", run.err());
    assertTrue(Files.isRegularFile(dir.resolve("d/br.gif")));
  }

  @Test
  void http11AndPriorKnowledgeTogetherAreAUsageErrorBeforeAnyRequest() throws IOException {
    server.start();

    Flags2Runner.Run run = run(List.of("--http1.1", "--http2-prior-knowledge"), List.of("br"));

    assertEquals(2, run.status());
    assertEquals(
        "*** Usage error: --http1.1 and --http2-prior-knowledge cannot be used together.",
        run.err().lines().findFirst().orElse(""));
    assertEquals(0, server.getRequestCount());
  }
}
