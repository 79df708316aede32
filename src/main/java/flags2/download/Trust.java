package flags2.download;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
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
 * certificate refused is reported in plain words ({@link TlsFailures}). The file is read and looked
 * at when the option is given, but its certificates are parsed only when the run first needs TLS
 * ({@link #verify()} or {@link #apply}): a system bundle of 150 CAs takes a few hundred
 * milliseconds to parse, and an http run needs none of them (curl ignores {@code --cacert} there
 * too). The JDK's CAs are likewise loaded only when needed.
 */
public final class Trust {
  private final Path file; // null: the JDK's CAs, or --insecure
  private final String source;
  private final byte[] pem;
  private final boolean insecure;
  private List<X509Certificate> authorities; // parsed from pem on first need

  private Trust(Path file, String source, byte[] pem, boolean insecure) {
    this.file = file;
    this.source = source;
    this.pem = pem;
    this.insecure = insecure;
  }

  /** The JDK's own trust store, as when no option is given. */
  public static Trust jdk() {
    return new Trust(null, null, null, false);
  }

  /** No certificate or host name check at all: anyone on the path can read and change the data. */
  public static Trust insecure() {
    return new Trust(null, null, null, true);
  }

  /**
   * Exactly the CA certificates in PEM file {@code file}, one or many; they are parsed by {@link
   * #verify()}, or when first needed.
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
    return new Trust(file, source, bytes, false);
  }

  /**
   * Parses the CA file's certificates now, for a run that will need them.
   *
   * @throws IllegalArgumentException naming the file when a certificate in it is not valid
   */
  public Trust verify() {
    authorities();
    return this;
  }

  /** The CA file's certificates, parsed on first call; null for the JDK's CAs. */
  private synchronized List<X509Certificate> authorities() {
    if (pem == null || authorities != null) {
      return authorities;
    }
    try {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
      List<X509Certificate> parsed = read.stream().map(X509Certificate.class::cast).toList();
      if (parsed.isEmpty()) {
        throw new CertificateException("no certificate");
      }
      authorities = parsed;
      return parsed;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          source + ": '" + file + "' is not a valid PEM certificate file.");
    }
  }

  public boolean isInsecure() {
    return insecure;
  }

  /**
   * Sets {@code builder} up for https with this trust.
   *
   * @throws IllegalArgumentException when the CA file, not verified before, holds a certificate
   *     that is not valid
   */
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
      List<X509Certificate> authorities = authorities();
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
