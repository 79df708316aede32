package flags2.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * TLS failures in one line of plain words, with no JSSE class names: {@code certificate expired on
 * 2020-02-01}, {@code certificate is for wrong.example, not localhost}, {@code TLS handshake
 * failed: handshake failure}. Names in them come from the server: print them through {@code
 * Printable}.
 */
final class TlsFailures {
  private static final Pattern HOSTNAME =
      Pattern.compile("^Hostname (\\S+) not verified", Pattern.MULTILINE);
  private static final Pattern NAMES =
      Pattern.compile("^\\s*subjectAltNames: \\[(.*)\\]\\s*$", Pattern.MULTILINE);
  private static final Pattern ALERT = Pattern.compile("^\\(([a-z_]+)\\) ");

  /** A class name before the message: {@code sun.security.ssl.SSLHandshakeException: }. */
  private static final Pattern CLASS_NAME = Pattern.compile("^[\\w.$]+\\.[A-Z]\\w*: ");

  private TlsFailures() {}

  /** {@code failure} in words when a TLS failure is in its cause chain; null otherwise. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TrustManagers.RefusedCertificateException) {
        return t.getMessage();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLPeerUnverifiedException && t.getMessage() != null) {
        Matcher host = HOSTNAME.matcher(t.getMessage());
        if (host.find()) {
          Matcher names = NAMES.matcher(t.getMessage());
          String of = names.find() && !names.group(1).isBlank() ? names.group(1) : "other names";
          return "certificate is for " + of + ", not " + host.group(1);
        }
      }
      if (t instanceof SSLException && t.getMessage() != null) {
        return "TLS handshake failed: " + words(t.getMessage());
      }
    }
    return null;
  }

  /** The JSSE message's first line, its {@code (alert_name)} prefix and class names dropped. */
  private static String words(String message) {
    String line = message.lines().findFirst().orElse("").strip();
    String received = "Received fatal alert: ";
    if (line.startsWith(received)) {
      return line.substring(received.length()).replace('_', ' ');
    }
    Matcher alert = ALERT.matcher(line);
    if (alert.find()) {
      return alert.group(1).replace('_', ' ');
    }
    line = CLASS_NAME.matcher(line).replaceFirst("");
    return line.isEmpty() ? "no reason given" : line;
  }
}
