package flags2.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Which proxy a request goes through, read as curl reads it: {@code -x/--proxy} over {@code
 * http_proxy} (http targets) or {@code https_proxy}/{@code HTTPS_PROXY} (https targets), then
 * {@code all_proxy}/{@code ALL_PROXY}; lower case first, and upper-case {@code HTTP_PROXY} never (a
 * CGI environment sets it from a request header). {@code --noproxy} over {@code no_proxy}/{@code
 * NO_PROXY} exempts hosts, and loopback is never proxied, whatever is set. Surprises: a proxy URL
 * without a scheme is http, and without a port is port 1080, as in curl; an empty variable counts
 * as unset; only http proxies are supported (a {@code socks5://} or {@code https://} proxy is a
 * usage error).
 *
 * @param http the proxy for http targets, or null for none
 * @param httpSource where it came from ({@code http_proxy}, {@code --proxy}), for the {@code -v}
 *     note
 * @param https the proxy for https targets, or null for none
 * @param httpsSource where that came from
 * @param noProxy the hosts that are reached directly
 */
public record Proxies(
    HttpUrl http, String httpSource, HttpUrl https, String httpsSource, NoProxy noProxy) {
  /** No proxy at all: the JDK's own settings ({@code -Dhttp.proxyHost}) still apply, as before. */
  public static final Proxies NONE = new Proxies(null, null, null, null, NoProxy.parse(""));

  /** curl's default proxy port. */
  private static final int DEFAULT_PORT = 1080;

  /**
   * The proxies {@code env} and the options set.
   *
   * @param option {@code --proxy}, or null
   * @param noProxyOption {@code --noproxy}, or null
   * @throws IllegalArgumentException naming the variable or option whose proxy URL is malformed
   */
  public static Proxies of(Map<String, String> env, String option, String noProxyOption) {
    String noProxy =
        noProxyOption != null ? noProxyOption : first(env, "no_proxy", "NO_PROXY").value;
    if (option != null) {
      HttpUrl url = parse(option, "--proxy");
      return new Proxies(url, "--proxy", url, "--proxy", NoProxy.parse(noProxy));
    }
    Found all = first(env, "all_proxy", "ALL_PROXY");
    Found http = first(env, "http_proxy");
    Found https = first(env, "https_proxy", "HTTPS_PROXY");
    http = http.value == null ? all : http;
    https = https.value == null ? all : https;
    return new Proxies(
        http.value == null ? null : parse(http.value, http.name),
        http.name,
        https.value == null ? null : parse(https.value, https.name),
        https.name,
        NoProxy.parse(noProxy));
  }

  private record Found(String name, String value) {}

  private static Found first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return new Found(name, value.strip());
      }
    }
    return new Found(null, null);
  }

  private static HttpUrl parse(String value, String source) {
    String withScheme = value.contains("://") ? value : "http://" + value;
    HttpUrl url = HttpUrl.parse(withScheme);
    String problem =
        !withScheme.regionMatches(true, 0, "http://", 0, 7)
            ? "only http:// proxies are supported"
            : url == null ? "not a URL" : null;
    if (problem != null) {
      throw new IllegalArgumentException(
          source
              + " must be a proxy URL such as http://proxy:3128, not '"
              + redact(value)
              + "' ("
              + problem
              + ").");
    }
    if (!hasExplicitPort(withScheme)) {
      url = url.newBuilder().port(DEFAULT_PORT).build();
    }
    return url;
  }

  private static boolean hasExplicitPort(String url) {
    String authority = url.substring(url.indexOf("://") + 3).split("[/?#]", 2)[0];
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    return hostPort.matches(".*:\\d+");
  }

  private static String redact(String value) {
    return value.replaceAll("//[^/@]*@", "//***@");
  }

  /** Whether any proxy is set. */
  public boolean any() {
    return http != null || https != null;
  }

  /** The proxy URL for {@code target}, or null to connect directly. */
  HttpUrl forTarget(HttpUrl target) {
    if (HttpClients.isLoopback(target) || noProxy.matches(target.host())) {
      return null;
    }
    return target.isHttps() ? https : http;
  }

  /** The {@code -v} note for {@code target}, or null when it goes directly. */
  String note(HttpUrl target) {
    HttpUrl proxy = forTarget(target);
    if (proxy == null) {
      return null;
    }
    return "via proxy "
        + display(proxy)
        + " (from "
        + (target.isHttps() ? httpsSource : httpSource)
        + ")";
  }

  /** {@code proxy} as printed: credentials never shown, no trailing slash. */
  static String display(HttpUrl proxy) {
    HttpUrl shown =
        proxy.username().isEmpty() && proxy.password().isEmpty()
            ? proxy
            : proxy.newBuilder().username("***").password("").build();
    String text = shown.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code host:port} of the proxy, for error messages. */
  static String hostPort(HttpUrl proxy) {
    String host = proxy.host().contains(":") ? "[" + proxy.host() + "]" : proxy.host();
    return host + ":" + proxy.port();
  }

  /** The selector OkHttp asks for every connection; loopback and no_proxy go direct. */
  ProxySelector selector() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        HttpUrl url = HttpUrl.get(uri);
        HttpUrl proxy = url == null ? null : forTarget(url);
        if (proxy == null) {
          return List.of(Proxy.NO_PROXY);
        }
        return List.of(
            new Proxy(
                Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
  }

  /**
   * Sends the proxy URL's credentials (percent-decoded) as {@code Proxy-Authorization} when a proxy
   * asks for them: only to a proxy, only once per request, never to an origin that answers 407.
   */
  Authenticator authenticator() {
    return (Route route, Response response) -> {
      if (route == null || route.proxy().type() != Proxy.Type.HTTP) {
        return null;
      }
      InetSocketAddress address = (InetSocketAddress) route.proxy().address();
      HttpUrl proxy = http != null && matches(http, address) ? http : https;
      if (proxy == null
          || (proxy.username().isEmpty() && proxy.password().isEmpty())
          || response.request().header("Proxy-Authorization") != null) {
        return null;
      }
      String credentials =
          Credentials.basic(proxy.username(), proxy.password(), StandardCharsets.UTF_8);
      Request request = response.request();
      return request.newBuilder().header("Proxy-Authorization", credentials).build();
    };
  }

  private static boolean matches(HttpUrl proxy, InetSocketAddress address) {
    return proxy.host().equalsIgnoreCase(address.getHostString())
        && proxy.port() == address.getPort();
  }
}
