package flags2.download;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/** The trust managers behind {@link Trust}: one that accepts all, one that refuses in words. */
final class TrustManagers {
  private TrustManagers() {}

  /** A certificate refused, its message already in the words a user reads. */
  static final class RefusedCertificateException extends CertificateException {
    RefusedCertificateException(String words, Throwable cause) {
      super(words, cause);
    }
  }

  /** Accepts every certificate: {@code --insecure}. */
  static X509ExtendedTrustManager acceptingAll() {
    return new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }

  /**
   * Delegates to the JDK's check, and words its refusal while the server's chain is at hand:
   * expired, not yet valid, or issued by a CA not trusted.
   */
  static final class PlainWords extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    PlainWords(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        throw refused(chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        throw refused(chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        throw refused(chain, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** The refusal of {@code chain} in words; {@code e} is the JDK's reason. */
  static RefusedCertificateException refused(X509Certificate[] chain, CertificateException e) {
    Date now = new Date();
    for (X509Certificate certificate : chain) {
      if (now.after(certificate.getNotAfter())) {
        return new RefusedCertificateException(
            "certificate expired on " + day(certificate.getNotAfter()), e);
      }
      if (now.before(certificate.getNotBefore())) {
        return new RefusedCertificateException(
            "certificate not valid before " + day(certificate.getNotBefore()), e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return new RefusedCertificateException("certificate outside its validity period", e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException invalid
          && invalid.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
        String reason = invalid.getReason().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
        return new RefusedCertificateException("certificate not trusted (" + reason + ")", e);
      }
    }
    if (chain.length == 0) {
      return new RefusedCertificateException("certificate not trusted (no certificate sent)", e);
    }
    String issuer = chain[chain.length - 1].getIssuerX500Principal().getName(X500Principal.RFC2253);
    return new RefusedCertificateException(
        "certificate not trusted (unknown issuer \"" + issuer + "\"; trust it with --cacert FILE)",
        e);
  }

  private static String day(Date date) {
    return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
