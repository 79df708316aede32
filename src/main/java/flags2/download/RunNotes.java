package flags2.download;

import flags2.report.Transport;
import java.io.PrintStream;

/**
 * A run's lines on stderr that are neither errors nor the report: the {@code --insecure} warning,
 * which {@code -q} keeps, and the notes, which {@code -q} drops (the caller passes a null stream
 * for them then): the proxy used, with {@code -v} (only logged with {@code --debug}), and what
 * HTTP/2 carried.
 */
final class RunNotes {
  private static final System.Logger log = System.getLogger(RunNotes.class.getName());

  private RunNotes() {}

  /** Before anything is sent: the warning of {@code --insecure}, if given. */
  static void insecure(DownloadOptions options, PrintStream err) {
    if (options.trust().isInsecure()) {
      err.println(
          "warning: --insecure: no certificate or host name is checked; anyone between here and"
              + " the server can read and change what is downloaded");
    }
  }

  /** Once the client is made: {@code via proxy http://127.0.0.1:3128 (from https_proxy)}. */
  static void proxy(DownloadOptions options, PrintStream notes) {
    String viaProxy = options.proxies().note(options.target().url());
    if (viaProxy != null && options.verbose()) {
      notes.println(viaProxy);
    } else if (viaProxy != null) {
      log.log(System.Logger.Level.DEBUG, viaProxy); // --debug
    }
  }

  /**
   * After the run: {@code HTTP/2: 194 requests over 1 connection} when any request went over
   * HTTP/2; nothing for HTTP/1.1 alone, which the report's {@code N concurrent connections} line
   * already tells.
   */
  static void http2(Transport transport, PrintStream notes) {
    String note = transport.note();
    if (note != null) {
      notes.println(note);
    }
  }
}
