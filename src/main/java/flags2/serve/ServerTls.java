package flags2.serve;

import com.sun.net.httpserver.HttpsConfigurator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * What {@code flags2 serve --tls} serves with: a private CA made at start-up, and a certificate it
 * signed for {@code localhost}, {@code 127.0.0.1} and {@code ::1}. Nothing is kept between runs: a
 * client must trust the CA file written by this very run, so an older file no longer works.
 */
public final class ServerTls {
  private final HeldCertificate ca;
  private final HandshakeCertificates server;

  private ServerTls(HeldCertificate ca, HandshakeCertificates server) {
    this.ca = ca;
    this.server = server;
  }

  /** A fresh CA and server certificate; generating the keys takes some tens of milliseconds. */
  public static ServerTls create() {
    HeldCertificate ca =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("flags2 serve private CA")
            .build();
    HeldCertificate leaf =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("::1")
            .build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build();
    return new ServerTls(ca, server);
  }

  /** Writes the CA certificate as PEM to {@code file}, replacing it whole (never half-written). */
  public void writeCa(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), ".flags2-ca", ".tmp");
    try {
      Files.writeString(temporary, ca.certificatePem());
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  HttpsConfigurator configurator() {
    return new HttpsConfigurator(server.sslContext());
  }
}
