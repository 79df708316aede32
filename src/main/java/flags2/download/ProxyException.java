package flags2.download;

import java.io.IOException;

/**
 * A request failed at its proxy, not at the server: its message names the proxy ({@code proxy
 * 127.0.0.1:3128 refused the connection}) and is printed as it is.
 */
final class ProxyException extends IOException {
  ProxyException(String message, Throwable cause) {
    super(message, cause);
  }
}
