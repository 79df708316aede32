package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which proxy a target gets, from the environment and the options, read as curl reads them. */
class ProxiesTest {
  private static final HttpUrl HTTP = HttpUrl.get("http://flags.example/flags");
  private static final HttpUrl HTTPS = HttpUrl.get("https://flags.example/flags");

  private static String proxyFor(HttpUrl target, Map<String, String> env) {
    HttpUrl proxy = Proxies.of(env, null, null).forTarget(target);
    return proxy == null ? null : Proxies.hostPort(proxy);
  }

  @Test
  void httpTargetsUseHttpProxyAndHttpsTargetsHttpsProxy() {
    Map<String, String> env = Map.of("http_proxy", "http://h:1", "https_proxy", "http://s:2");
    assertEquals("h:1", proxyFor(HTTP, env));
    assertEquals("s:2", proxyFor(HTTPS, env));
  }

  @Test
  void upperCaseHttpProxyIsIgnoredAsCurlDoes() {
    assertNull(proxyFor(HTTP, Map.of("HTTP_PROXY", "http://h:1")));
  }

  @Test
  void lowerCaseWinsOverUpperCase() {
    Map<String, String> env = Map.of("https_proxy", "http://low:1", "HTTPS_PROXY", "http://up:2");
    assertEquals("low:1", proxyFor(HTTPS, env));
    assertEquals("up:2", proxyFor(HTTPS, Map.of("HTTPS_PROXY", "http://up:2")));
    Map<String, String> all = Map.of("all_proxy", "http://low:1", "ALL_PROXY", "http://up:2");
    assertEquals("low:1", proxyFor(HTTP, all));
  }

  @Test
  void allProxyServesEverySchemeWithoutItsOwn() {
    Map<String, String> env = Map.of("ALL_PROXY", "http://a:1", "https_proxy", "http://s:2");
    assertEquals("a:1", proxyFor(HTTP, env));
    assertEquals("s:2", proxyFor(HTTPS, env));
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    assertEquals("a:1", proxyFor(HTTP, Map.of("http_proxy", "", "all_proxy", "http://a:1")));
  }

  @Test
  void aProxyWithoutSchemeIsHttpAndWithoutPortIsPort1080() {
    assertEquals("h:3128", proxyFor(HTTP, Map.of("http_proxy", "h:3128")));
    assertEquals("h:1080", proxyFor(HTTP, Map.of("http_proxy", "http://h")));
    assertEquals("h:80", proxyFor(HTTP, Map.of("http_proxy", "http://h:80")));
  }

  @Test
  void proxyOptionOverridesTheEnvironmentForEveryScheme() {
    Proxies proxies = Proxies.of(Map.of("http_proxy", "http://h:1"), "http://x:9", null);
    assertEquals("x:9", Proxies.hostPort(proxies.forTarget(HTTP)));
    assertEquals("x:9", Proxies.hostPort(proxies.forTarget(HTTPS)));
    assertEquals("via proxy http://x:9 (from --proxy)", proxies.note(HTTPS));
  }

  @Test
  void noProxyOptionOverridesNoProxyVariable() {
    Map<String, String> env = Map.of("http_proxy", "http://h:1", "no_proxy", "flags.example");
    assertNull(Proxies.of(env, null, null).forTarget(HTTP));
    assertEquals("h:1", Proxies.hostPort(Proxies.of(env, null, "other.example").forTarget(HTTP)));
    assertEquals("h:1", Proxies.hostPort(Proxies.of(env, null, "").forTarget(HTTP)));
    assertNull(Proxies.of(Map.of("NO_PROXY", "*"), "http://x:9", null).forTarget(HTTP));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8001/flags",
        "http://127.0.0.1:8001/flags",
        "http://127.9.9.9/flags",
        "https://[::1]:8001/flags"
      })
  void loopbackIsNeverProxied(String target) {
    Proxies proxies = Proxies.of(Map.of("all_proxy", "http://h:1"), "http://x:9", null);
    assertNull(proxies.forTarget(HttpUrl.get(target)));
    assertNull(proxies.note(HttpUrl.get(target)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "example.com | example.com | true",
        "example.com | www.example.com | true",
        ".example.com | www.example.com | true",
        ".example.com | example.com | true",
        "example.com | badexample.com | false",
        "EXAMPLE.com | www.Example.COM | true",
        "a.test, example.com | example.com | true",
        "a.test example.com | example.com | true",
        "* | anything.at.all | true",
        "*.example.com | www.example.com | false",
        "10.1.2.3 | 10.1.2.3 | true",
        "10.1.2.3 | 10.1.2.4 | false",
        "10.0.0.0/8 | 10.200.3.4 | true",
        "10.0.0.0/8 | 11.0.0.1 | false",
        "192.168.1.0/24 | 192.168.1.77 | true",
        "fd00::/8 | fd12::1 | true",
        "[fd00::1] | fd00::1 | true",
        "10.0.0.0/8 | ten.example | false",
        "127.0.0.0/8 | localhost | false",
        "0.0.0.0/0 | 8.8.8.8 | true",
        "10.1.2.3/32 | 10.1.2.3 | true",
        "10.1.2.3/32 | 10.1.2.2 | false",
        "10.0.0.0/8 | fd00::a00:1 | false",
        "10.0.0.0/33 | 10.1.2.3 | false",
        "10.0.0.0/-1 | 10.1.2.3 | false",
        "10.0.0.0/eight | 10.1.2.3 | false",
        "', a.test' | www.example.com. | false"
      })
  void noProxyEntriesMatchAsCurlMatchesThem(String list, String host, boolean direct) {
    assertEquals(direct, NoProxy.parse(list).matches(host), list + " vs " + host);
  }

  @Test
  void credentialsArePercentDecodedAndNeverShown() {
    Proxies proxies = Proxies.of(Map.of("http_proxy", "http://u%20s:p%40ss@h:1"), null, null);
    HttpUrl proxy = proxies.forTarget(HTTP);
    assertEquals("u s", proxy.username());
    assertEquals("p@ss", proxy.password());
    assertEquals("via proxy http://***@h:1 (from http_proxy)", proxies.note(HTTP));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://a b:1", "socks5://h:1", "https://h:1", "http://"})
  void aMalformedOrUnsupportedProxyUrlIsRejectedNamingItsVariable(String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Proxies.of(Map.of("https_proxy", value), null, null));
    assertTrue(e.getMessage().startsWith("https_proxy must be a proxy URL"), e.getMessage());
  }

  @Test
  void aMalformedProxyUrlIsShownWithoutItsPassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Proxies.of(Map.of(), "http://u:secret@h:x", null));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertTrue(e.getMessage().contains(", not 'http://***@h:x' (not a URL)."), e.getMessage());
  }

  @Test
  void withNothingSetNoProxyIsUsed() {
    assertFalse(Proxies.of(Map.of("HTTP_PROXY", "http://h:1"), null, null).any());
  }
}
