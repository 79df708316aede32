package flags2.report;

/**
 * What a run's requests went over, for {@code --json}'s {@code protocol} and {@code connections}
 * and the HTTP/2 note on stderr: requests sent and the connections that carried them, per HTTP
 * version, and every connection set up during the run. The report line {@code 30 concurrent
 * connections will be used.} is the book's and says only how many requests may be in flight; this
 * says what happened. A connection set up but never used (a connection refused by its TLS check
 * does not count: it was never set up) is in {@code opened} only.
 *
 * @param http1Requests requests sent over HTTP/1.1 (or 1.0)
 * @param http1Connections connections that carried them
 * @param http2Requests requests sent over HTTP/2, negotiated or by prior knowledge
 * @param http2Connections connections that carried them
 * @param opened connections set up (TCP, and TLS for https) during the run
 */
public record Transport(
    int http1Requests, int http1Connections, int http2Requests, int http2Connections, int opened) {
  /** {@code http/1.1}, {@code h2} or {@code mixed}; null when no request was sent. */
  public String protocol() {
    if (http1Requests > 0 && http2Requests > 0) {
      return "mixed";
    }
    return http2Requests > 0 ? "h2" : http1Requests > 0 ? "http/1.1" : null;
  }

  /**
   * The note for stderr when any request went over HTTP/2 ({@code HTTP/2: 194 requests over 1
   * connection}, and the HTTP/1.1 part too when the run was mixed); null otherwise: HTTP/1.1 is
   * what the book's report line describes.
   */
  public String note() {
    if (http2Requests == 0) {
      return null;
    }
    String note = "HTTP/2: " + over(http2Requests, http2Connections);
    return http1Requests == 0
        ? note
        : note + "; HTTP/1.1: " + over(http1Requests, http1Connections);
  }

  private static String over(int requests, int connections) {
    return TextReport.plural(requests, "request")
        + " over "
        + TextReport.plural(connections, "connection");
  }
}
