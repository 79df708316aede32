package flags2.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.OkHttpClient;

/**
 * Which servers a run believes: the JDK's CAs, exactly the CAs of a PEM file ({@code --cacert},
 * {@code SSL_CERT_FILE}), or none checked at all ({@code --insecure}). Whatever the choice, a
 * certificate refused is reported in plain words ({@link TlsFailures}). The file is read when the
 * option is given; the JDK's CAs only when the run first needs TLS, as they take tens of
 * milliseconds to parse.
 */
public final class Trust {
  private final List<X509Certificate> authorities; // null: the JDK's
  private final boolean insecure;

  private Trust(List<X509Certificate> authorities, boolean insecure) {
    this.authorities = authorities;
    this.insecure = insecure;
  }

  /** The JDK's own trust store, as when no option is given. */
  public static Trust jdk() {
    return new Trust(null, false);
  }

  /** No certificate or host name check at all: anyone on the path can read and change the data. */
  public static Trust insecure() {
    return new Trust(null, true);
  }

  /**
   * Exactly the CA certificates in PEM file {@code file}, one or many.
   *
   * @throws IllegalArgumentException naming the file (and {@code source}, the option or variable
   *     that named it) when it is missing, unreadable, or holds no PEM certificate
   */
  public static Trust caFile(Path file, String source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      String why = Files.exists(file) ? "cannot be read" : "does not exist";
      throw new IllegalArgumentException(source + ": CA file '" + file + "' " + why + ".");
    }
    if (!new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          source + ": '" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> authorities = read.stream().map(X509Certificate.class::cast).toList();
      if (authorities.isEmpty()) {
        throw new GeneralSecurityException("no certificate");
      }
      return new Trust(authorities, false);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          source + ": '" + file + "' is not a valid PEM certificate file.");
    }
  }

  public boolean isInsecure() {
    return insecure;
  }

  /** Sets {@code builder} up for https with this trust. */
  OkHttpClient.Builder apply(OkHttpClient.Builder builder) {
    X509ExtendedTrustManager manager =
        insecure ? TrustManagers.acceptingAll() : new TrustManagers.PlainWords(platform());
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new X509ExtendedTrustManager[] {manager}, null);
      builder.sslSocketFactory(context.getSocketFactory(), manager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JDK", e);
    }
    return insecure ? builder.hostnameVerifier((host, session) -> true) : builder;
  }

  /** The JDK's PKIX trust manager over the file's CAs, or over the JDK's trust store. */
  private X509ExtendedTrustManager platform() {
    try {
      KeyStore store = null;
      if (authorities != null) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
          store.setCertificateEntry("ca" + i, authorities.get(i));
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot load trusted certificates", e);
    }
  }
}
