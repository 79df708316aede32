package flags2.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A request failed at its proxy, not at the server: its message names the proxy ({@code proxy
 * 127.0.0.1:3128 refused the connection}) and is printed as it is. {@link #failures} makes them,
 * from what OkHttp throws or a proxy's 407.
 */
final class ProxyException extends IOException {
  /** How OkHttp words a CONNECT answered with anything but 200 or 407. */
  private static final String TUNNEL_REFUSED = "Unexpected response code for CONNECT: ";

  ProxyException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Words a failure at the proxy so that it names the proxy: refused, unknown host, 407, a tunnel
   * refused (an https target, or h2c, asks the proxy to CONNECT; squid, for one, answers 403 for a
   * port it does not tunnel to). An application interceptor, so it sees what the caller will see.
   */
  static Interceptor failures(Proxies proxies) {
    return chain -> {
      HttpUrl proxy = proxies.forTarget(chain.request().url());
      if (proxy == null) {
        return chain.proceed(chain.request());
      }
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (ProxyException e) {
        throw e;
      } catch (IOException e) {
        throw reworded(e, proxy);
      }
      if (response.code() == 407) {
        response.close();
        throw new ProxyException(authenticationFailed(proxy), null);
      }
      return response;
    };
  }

  private static IOException reworded(IOException e, HttpUrl proxy) {
    String name = "proxy " + Proxies.hostPort(proxy);
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof ConnectException && message.contains("refused")) {
        return new ProxyException(name + " refused the connection", e);
      }
      if (t instanceof UnknownHostException) { // through a proxy, only the proxy is looked up
        return new ProxyException(name + ": unknown host " + proxy.host(), e);
      }
      if (message.startsWith("Failed to authenticate with proxy")) { // CONNECT answered 407
        return new ProxyException(authenticationFailed(proxy), e);
      }
      if (message.startsWith(TUNNEL_REFUSED)) { // OkHttp's words for any other CONNECT answer
        return new ProxyException(
            name + " refused the tunnel (CONNECT answered " + statusOf(message) + ")", e);
      }
    }
    return e;
  }

  /** The status code in OkHttp's message, digits only: the rest is not shown. */
  private static String statusOf(String message) {
    String code = message.substring(TUNNEL_REFUSED.length()).strip();
    return code.matches("[0-9]{3}") ? code : "an error";
  }

  private static String authenticationFailed(HttpUrl proxy) {
    boolean credentials = !proxy.username().isEmpty() || !proxy.password().isEmpty();
    return "proxy "
        + Proxies.hostPort(proxy)
        + (credentials
            ? " rejected the user name and password"
            : " requires a user name and password");
  }
}
