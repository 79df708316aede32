package flags2.download;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Failures in the words a user expects, one line each: {@code HTTP error 418 - I'm a Teapot},
 * {@code Connection refused}, {@code Timeout after 10s}, {@code certificate expired on 2020-02-01},
 * rather than exception class names.
 */
final class Failures {
  private Failures() {}

  /** An HTTP status other than 200 and 404, with the server's reason phrase or the standard one. */
  static String httpError(int status, String reasonPhrase) {
    if (status < 100) { // HTTP/1.1 000 X: a status line, but no status
      return "malformed status line: " + status + " " + reasonPhrase.strip();
    }
    return "HTTP error " + status + " - " + ReasonPhrases.of(status, reasonPhrase);
  }

  /** A failed call or body read; {@code timeout} is the per-request timeout, for its message. */
  static String describe(IOException e, Duration timeout) {
    String tls = TlsFailures.describe(e);
    if (tls != null) {
      return tls;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProxyException) {
        return t.getMessage();
      }
      if (t instanceof ConnectException
          && t.getMessage() != null
          && t.getMessage().contains("refused")) {
        return "Connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "Unknown host " + t.getMessage();
      }
      if (t instanceof EOFException) {
        return "connection closed before the response was complete";
      }
      if (t.getMessage() != null && t.getMessage().startsWith("ID1ID2: actual")) {
        return "corrupt gzip body";
      }
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return "Timeout after " + seconds(timeout);
      }
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  /**
   * A bug or library failure that escaped as an unchecked exception: still an ERROR for its code,
   * so no count is ever lost.
   */
  static String unexpected(RuntimeException e) {
    return "Unexpected " + e;
  }

  /** {@code 10s}, {@code 0.5s}. */
  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + "s";
  }
}
