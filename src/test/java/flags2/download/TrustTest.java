package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flags2.strategy.Shutdown;
import flags2.testing.MockServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each trust setting accepts, and each TLS refusal in one line of plain words. */
class TrustTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("Probe Test CA").build();

  @TempDir Path dir;
  private final MockWebServer server = MockServers.noDelay();
  private OkHttpClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      HttpClients.shutdown(client, Shutdown.STANDARD);
    }
    server.close();
  }

  private static HeldCertificate.Builder leaf() {
    return new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("localhost");
  }

  private Path caFile() throws IOException {
    return Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());
  }

  /**
   * Serves {@code certificate}, then fetches one image with {@code trust}: the failure, or null.
   */
  private String fetch(HeldCertificate certificate, Trust trust) throws IOException {
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate, CA.certificate())
            .build()
            .sslSocketFactory());
    server.enqueue(new MockResponse.Builder().body("GIF89a").build());
    server.start();
    client = HttpClients.create(1, Duration.ofSeconds(5), server.url("/flags"), trust::apply);
    Request request = new Request.Builder().url(server.url("/flags/br/br.gif")).build();
    try (Response response = client.newCall(request).execute()) {
      assertEquals(200, response.code());
      return null;
    } catch (IOException e) {
      return Failures.describe(e, Duration.ofSeconds(5));
    }
  }

  @Test
  void aCaFileTrustsTheServersItsCaSigned() throws IOException {
    assertEquals(null, fetch(leaf().build(), Trust.caFile(caFile(), "--cacert")));
  }

  @Test
  void aServerFromAnUnknownCaIsNotTrustedAndTheIssuerIsNamed() throws IOException {
    assertEquals(
        "certificate not trusted (unknown issuer \"CN=Probe Test CA\"; trust it with --cacert"
            + " FILE)",
        fetch(leaf().build(), Trust.jdk()));
  }

  @Test
  void aCaFileTrustsOnlyItsOwnCas() throws IOException {
    HeldCertificate other =
        new HeldCertificate.Builder().certificateAuthority(0).commonName("Other CA").build();
    Path otherFile = Files.writeString(dir.resolve("other.pem"), other.certificatePem());
    assertEquals(
        "certificate not trusted (unknown issuer \"CN=Probe Test CA\"; trust it with --cacert"
            + " FILE)",
        fetch(leaf().build(), Trust.caFile(otherFile, "--cacert")));
  }

  @Test
  void anExpiredCertificateSaysWhenItExpired() throws IOException {
    HeldCertificate expired =
        leaf()
            .validityInterval(
                Instant.parse("2020-01-01T12:00:00Z").toEpochMilli(),
                Instant.parse("2020-02-01T12:00:00Z").toEpochMilli())
            .build();
    assertEquals(
        "certificate expired on 2020-02-01", fetch(expired, Trust.caFile(caFile(), "--cacert")));
  }

  @Test
  void aCertificateForAnotherHostSaysWhichNamesItHas() throws IOException {
    HeldCertificate wrongHost =
        new HeldCertificate.Builder()
            .signedBy(CA)
            .addSubjectAlternativeName("wrong.example")
            .build();
    String failure = fetch(wrongHost, Trust.caFile(caFile(), "--cacert"));
    assertEquals("certificate is for wrong.example, not " + server.getHostName(), failure);
  }

  @Test
  void insecureAcceptsAnUnknownIssuerAnExpiredCertificateAndAnotherHost() throws IOException {
    HeldCertificate everythingWrong =
        new HeldCertificate.Builder()
            .signedBy(CA)
            .addSubjectAlternativeName("wrong.example")
            .validityInterval(
                Instant.parse("2020-01-01T12:00:00Z").toEpochMilli(),
                Instant.parse("2020-02-01T12:00:00Z").toEpochMilli())
            .build();
    assertEquals(null, fetch(everythingWrong, Trust.insecure()));
  }

  @Test
  void aHandshakeTheServerRefusesIsOneLineWithoutClassNames() throws IOException {
    // the server speaks only TLS 1.2 with a cipher suite OkHttp never offers: it sends an alert
    SSLSocketFactory tls12Only =
        new HandshakeCertificates.Builder()
            .heldCertificate(leaf().build(), CA.certificate())
            .build()
            .sslSocketFactory();
    server.useHttps(new OnlyCipherSuite(tls12Only, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"));
    server.start();
    client =
        HttpClients.create(
            1, Duration.ofSeconds(5), server.url("/flags"), Trust.caFile(caFile(), "-")::apply);
    Request request = new Request.Builder().url(server.url("/flags/br/br.gif")).build();
    IOException e = assertThrows(IOException.class, () -> client.newCall(request).execute());
    assertEquals(
        "TLS handshake failed: handshake failure", Failures.describe(e, Duration.ofSeconds(5)));
  }

  /** Server sockets limited to TLS 1.2 and one cipher suite. */
  private static final class OnlyCipherSuite extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final String suite;

    OnlyCipherSuite(SSLSocketFactory delegate, String suite) {
      this.delegate = delegate;
      this.suite = suite;
    }

    private Socket limit(Socket socket) {
      SSLSocket ssl = (SSLSocket) socket;
      ssl.setEnabledProtocols(new String[] {"TLSv1.2"});
      ssl.setEnabledCipherSuites(new String[] {suite});
      return ssl;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return new String[] {suite};
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return new String[] {suite};
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return limit(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return limit(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return limit(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return limit(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
        throws IOException {
      return limit(delegate.createSocket(address, port, local, localPort));
    }
  }

  @Test
  void aMissingOrNonPemCaFileIsRefusedNamingIt() throws IOException {
    Path missing = dir.resolve("missing.pem");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Trust.caFile(missing, "--cacert"));
    assertEquals("--cacert: CA file '" + missing + "' does not exist.", e.getMessage());

    Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
    e = assertThrows(IllegalArgumentException.class, () -> Trust.caFile(text, "SSL_CERT_FILE"));
    assertEquals(
        "SSL_CERT_FILE: '" + text + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----).",
        e.getMessage());

    Path broken =
        Files.writeString(
            dir.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    Trust notYetParsed = Trust.caFile(broken, "--cacert");
    e = assertThrows(IllegalArgumentException.class, notYetParsed::verify);
    assertEquals("--cacert: '" + broken + "' is not a valid PEM certificate file.", e.getMessage());
  }
}
