package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way a server's certificate is refused reads as one line of plain words, whichever of the
 * JDK's checks refused it; a client-certificate check is passed through untouched; a handshake
 * failure drops JSSE's class names and never prints an empty reason.
 */
class TlsWordsTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("Words Test CA").build();
  private static final CertificateException JDK_REFUSAL = new CertificateException("PKIX failed");

  private static X509Certificate[] chain(HeldCertificate.Builder leaf) {
    return new X509Certificate[] {leaf.signedBy(CA).build().certificate(), CA.certificate()};
  }

  private static X509Certificate[] valid() {
    return chain(new HeldCertificate.Builder().addSubjectAlternativeName("localhost"));
  }

  private static String refused(X509Certificate[] chain, CertificateException e) {
    return TrustManagers.refused(chain, e).getMessage();
  }

  @Test
  void aCertificateNotYetValidSaysFromWhichDay() {
    Instant from = Instant.now().plus(3, ChronoUnit.DAYS);
    X509Certificate[] chain =
        chain(
            new HeldCertificate.Builder()
                .validityInterval(
                    from.toEpochMilli(), from.plus(30, ChronoUnit.DAYS).toEpochMilli()));

    assertEquals(
        "certificate not valid before " + from.atZone(ZoneOffset.UTC).toLocalDate(),
        refused(chain, JDK_REFUSAL));
  }

  @Test
  void aValidityFailureOnlyTheJdkSawIsStillCalledThat() {
    assertEquals(
        "certificate outside its validity period",
        refused(valid(), new CertificateException("x", new CertificateExpiredException("y"))));
    assertEquals(
        "certificate outside its validity period",
        refused(valid(), new CertificateException("x", new CertificateNotYetValidException("y"))));
  }

  @Test
  void aPathTheJdkRefusedForAReasonNamesTheReason() {
    CertPathValidatorException revoked =
        new CertPathValidatorException(
            "revoked", null, null, -1, CertPathValidatorException.BasicReason.REVOKED);

    assertEquals(
        "certificate not trusted (revoked)",
        refused(valid(), new CertificateException("x", revoked)));
  }

  @Test
  void aPathRefusedForNoStatedReasonNamesTheIssuerToTrust() {
    CertPathValidatorException unspecified =
        new CertPathValidatorException(
            "no path", null, null, -1, CertPathValidatorException.BasicReason.UNSPECIFIED);

    assertEquals(
        "certificate not trusted (unknown issuer \"CN=Words Test CA\"; trust it with --cacert"
            + " FILE)",
        refused(valid(), new CertificateException("x", unspecified)));
  }

  @Test
  void aServerThatSentNoCertificateIsToldApart() {
    assertEquals(
        "certificate not trusted (no certificate sent)",
        refused(new X509Certificate[0], JDK_REFUSAL));
  }

  /** A JDK trust manager that refuses everything and says how it was asked. */
  private static final class Refusing extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw JDK_REFUSAL;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[] {CA.certificate()};
    }
  }

  @Test
  void everyServerCheckWordsTheRefusal() {
    var words = new TrustManagers.PlainWords(new Refusing());
    X509Certificate[] chain = new X509Certificate[0];
    for (Executable check :
        new Executable[] {
          () -> words.checkServerTrusted(chain, "RSA"),
          () -> words.checkServerTrusted(chain, "RSA", (Socket) null),
          () -> words.checkServerTrusted(chain, "RSA", (SSLEngine) null)
        }) {
      CertificateException e = assertThrows(CertificateException.class, check);
      assertEquals("certificate not trusted (no certificate sent)", e.getMessage());
      assertSame(JDK_REFUSAL, e.getCause());
    }
  }

  @Test
  void everyClientCheckIsTheJdksOwn() {
    var words = new TrustManagers.PlainWords(new Refusing());
    X509Certificate[] chain = new X509Certificate[0];
    for (Executable check :
        new Executable[] {
          () -> words.checkClientTrusted(chain, "RSA"),
          () -> words.checkClientTrusted(chain, "RSA", (Socket) null),
          () -> words.checkClientTrusted(chain, "RSA", (SSLEngine) null)
        }) {
      assertSame(JDK_REFUSAL, assertThrows(CertificateException.class, check));
    }
    assertEquals(CA.certificate(), words.getAcceptedIssuers()[0]);
  }

  @Test
  void aHandshakeFailureDropsTheClassNameBeforeItsMessage() {
    assertEquals(
        "TLS handshake failed: no cipher suites in common",
        TlsFailures.describe(
            new SSLException(
                "sun.security.ssl.SSLHandshakeException: no cipher suites in common")));
  }

  @Test
  void aMessageWithAColonButNoClassNameIsKeptWhole() {
    assertEquals(
        "TLS handshake failed: Connection reset: by peer",
        TlsFailures.describe(new SSLException("Connection reset: by peer")));
  }

  @Test
  void aHandshakeFailureWithAnEmptyMessageSaysNoReasonWasGiven() {
    assertEquals(
        "TLS handshake failed: no reason given", TlsFailures.describe(new SSLException("")));
    assertFalse(TlsFailures.describe(new SSLException("\n")).endsWith(": "));
  }
}
