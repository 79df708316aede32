package flags2.download;

import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Which HTTP a run speaks, as curl's options say: negotiated (HTTP/2 when a TLS server offers it,
 * HTTP/1.1 otherwise and always over cleartext), {@code --http1.1}, or {@code
 * --http2-prior-knowledge}, which speaks HTTP/2 at once to an {@code http://} server (h2c). As with
 * curl, prior knowledge is about cleartext only: an {@code https://} server, the base or a redirect
 * target, still negotiates, and may still answer in HTTP/1.1.
 */
public enum HttpVersion {
  NEGOTIATED,
  HTTP_1_1,
  H2_PRIOR_KNOWLEDGE;

  /** Sets up {@code builder}, a client for {@code https} or cleartext servers, to speak this. */
  OkHttpClient.Builder apply(OkHttpClient.Builder builder, boolean https) {
    return switch (this) {
      case NEGOTIATED -> builder;
      case HTTP_1_1 -> builder.protocols(List.of(Protocol.HTTP_1_1));
      case H2_PRIOR_KNOWLEDGE ->
          https ? builder : builder.protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    };
  }

  /**
   * Whether the first connection to a server may turn out to carry every request (HTTP/2), so the
   * others had better wait for it than open connections of their own ({@link FirstConnection}).
   */
  boolean mayMultiplex(boolean https) {
    return switch (this) {
      case NEGOTIATED -> https;
      case HTTP_1_1 -> false;
      case H2_PRIOR_KNOWLEDGE -> true;
    };
  }

  /** Whether a connection speaking {@code protocol} is HTTP/2, negotiated or by prior knowledge. */
  static boolean isHttp2(Protocol protocol) {
    return protocol == Protocol.HTTP_2 || protocol == Protocol.H2_PRIOR_KNOWLEDGE;
  }
}
