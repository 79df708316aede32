package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.serve.ServerTls;
import flags2.serve.TestServers;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cacert}, {@code SSL_CERT_FILE} and {@code -k} against {@code serve --tls}'s servers, as
 * a user types them.
 */
class TrustOptionsTest {
  private static final String UNTRUSTED =
      "certificate not trusted (unknown issuer \"CN=flags2 serve private CA\"; trust it with"
          + " --cacert FILE)";

  @TempDir Path dir;
  private TestServers servers;
  private Path ca;
  private String base;
  private Path dest;

  @BeforeEach
  void serveTls() throws IOException {
    ServerTls tls = ServerTls.create();
    ca = dir.resolve("ca.pem");
    tls.writeCa(ca);
    servers =
        TestServers.start(
            TestServers.Config.defaults()
                .withPorts(Map.of(Site.LOCAL, 0, Site.DELAY, 0, Site.ERROR, 0)),
            EnumSet.of(Site.LOCAL),
            tls);
    base = "https://localhost:" + servers.url(Site.LOCAL).port() + "/flags";
    dest = dir.resolve("downloads");
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private List<String> args(String... more) {
    List<String> all = new ArrayList<>(List.of("-s", base, "-d", dest.toString()));
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void cacertTrustsTheServeCaFile() {
    Flags2Runner.Run run = new Flags2Runner().run(args("--cacert", ca.toString(), "br", "cn"));
    assertEquals(0, run.status(), run.err());
    assertTrue(run.outLines().contains("2 flags downloaded."), run.out());
    assertTrue(Files.exists(dest.resolve("br.gif")));
  }

  @Test
  void sslCertFileIsReadWhenCacertIsAbsent() {
    Flags2Runner.Run run =
        new Flags2Runner().environment("SSL_CERT_FILE", ca.toString()).run(args("br"));
    assertEquals(0, run.status(), run.err());
  }

  @Test
  void cacertWinsOverSslCertFile() {
    Flags2Runner.Run run =
        new Flags2Runner()
            .environment("SSL_CERT_FILE", dir.resolve("missing.pem").toString())
            .run(args("--cacert", ca.toString(), "br"));
    assertEquals(0, run.status(), run.err());
  }

  @Test
  void withoutTheCaEachCodeFailsInOnePlainLine() {
    Flags2Runner.Run run = new Flags2Runner().run(args("-v", "br", "cn"));
    assertEquals(1, run.status());
    List<String> errors = run.screen().lines().filter(l -> l.startsWith("***")).toList();
    assertEquals(
        List.of("*** Error for BR: " + UNTRUSTED, "*** Error for CN: " + UNTRUSTED),
        errors.stream().sorted().toList(),
        run.screen());
  }

  @Test
  void anIssuerNameChosenByTheServerIsPrintedSanitized() throws IOException {
    HeldCertificate hostileCa =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("Evil\u001b[2J\nCA")
            .build();
    HeldCertificate leaf =
        new HeldCertificate.Builder()
            .signedBy(hostileCa)
            .addSubjectAlternativeName("localhost")
            .build();
    try (MockWebServer hostile = MockServers.noDelay()) {
      hostile.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(leaf, hostileCa.certificate())
              .build()
              .sslSocketFactory());
      hostile.start();
      String url = "https://localhost:" + hostile.getPort() + "/flags";
      Flags2Runner.Run run = new Flags2Runner().run("-s", url, "-d", dest.toString(), "-v", "br");
      assertEquals(1, run.status());
      assertFalse(run.screen().contains("\u001b"), run.screen());
      assertTrue(
          run.screen().contains("*** Error for BR: certificate not trusted (unknown issuer"));
      assertEquals(1, run.screen().lines().filter(l -> l.startsWith("***")).count(), run.screen());
    }
  }

  @Test
  void insecureDownloadsWithOneWarning() {
    Flags2Runner.Run run = new Flags2Runner().run(args("-k", "-q", "br", "cn", "us"));
    assertEquals(0, run.status(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("warning: --insecure: "), run.err());
  }

  @Test
  void aMissingCacertIsAUsageErrorBeforeAnyRequest() {
    Path missing = dir.resolve("missing.pem");
    Flags2Runner.Run run = new Flags2Runner().run(args("--cacert", missing.toString(), "br"));
    assertEquals(2, run.status());
    assertTrue(
        run.err()
            .startsWith("*** Usage error: --cacert: CA file '" + missing + "' does not exist."),
        run.err());
    assertFalse(Files.exists(dest));
  }

  @Test
  void anHttpRunNeverParsesTheCaFile() throws IOException {
    // SSL_CERT_FILE is often set for every process (CI images): parsing its hundreds of CAs would
    // cost an http run a few hundred milliseconds, so a broken one does not even stop it, as with
    // curl; an https run still refuses it
    Path broken =
        Files.writeString(
            dir.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    try (MockWebServer http = MockServers.noDelay()) {
      http.enqueue(new MockResponse.Builder().body("GIF89a").build());
      http.start();
      Flags2Runner.Run run =
          new Flags2Runner()
              .environment("SSL_CERT_FILE", broken.toString())
              .run(List.of("-s", http.url("/flags").toString(), "-d", dest.toString(), "br"));
      assertEquals(0, run.status(), run.err());
    }
    Flags2Runner.Run run =
        new Flags2Runner().environment("SSL_CERT_FILE", broken.toString()).run(args("br"));
    assertEquals(2, run.status());
    assertTrue(
        run.err()
            .startsWith(
                "*** Usage error: SSL_CERT_FILE: '" + broken + "' is not a valid PEM certificate"),
        run.err());
  }

  @Test
  void aNonPemSslCertFileIsAUsageErrorNamingTheVariable() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    Flags2Runner.Run run =
        new Flags2Runner().environment("SSL_CERT_FILE", text.toString()).run(args("br"));
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("*** Usage error: SSL_CERT_FILE: '" + text + "'"), run.err());
    assertFalse(Files.exists(dest));
  }
}
