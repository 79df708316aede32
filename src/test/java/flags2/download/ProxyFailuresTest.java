package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * A request through a proxy that fails because of the proxy names the proxy and what it did; any
 * other failure reaches the user as it was. No network: the failure is thrown where the proxy's
 * answer would come.
 */
class ProxyFailuresTest {
  private static final String PROXY = "proxy proxy.example:3128";

  private static IOException failureThroughProxy(IOException thrown) {
    Proxies proxies = Proxies.of(Map.of(), "http://proxy.example:3128", null);
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(ProxyException.failures(proxies))
            .addInterceptor(
                chain -> {
                  throw thrown;
                })
            .build();
    Request request = new Request.Builder().url("http://flags.example/flags/br/br.gif").build();
    return assertThrows(IOException.class, () -> client.newCall(request).execute());
  }

  private static String wordsFor(IOException thrown) {
    return failureThroughProxy(thrown).getMessage();
  }

  @Test
  void aProxyThatCannotBeFoundIsNamed() {
    assertEquals(
        PROXY + ": unknown host proxy.example",
        wordsFor(new UnknownHostException("proxy.example: Name or service not known")));
  }

  @Test
  void aProxyThatRefusesTheConnectionIsNamedWhereverTheRefusalIsInTheCauses() {
    assertEquals(
        PROXY + " refused the connection",
        wordsFor(new IOException("wrapped", new ConnectException("Connection refused"))));
  }

  @Test
  void aTunnelThatNeedsCredentialsSaysSo() {
    assertEquals(
        PROXY + " requires a user name and password",
        wordsFor(new IOException("Failed to authenticate with proxy")));
  }

  @Test
  void aRefusedTunnelShowsOnlyTheStatusCode() {
    assertEquals(
        PROXY + " refused the tunnel (CONNECT answered 403)",
        wordsFor(new IOException("Unexpected response code for CONNECT: 403")));
    assertEquals(
        PROXY + " refused the tunnel (CONNECT answered an error)",
        wordsFor(new IOException("Unexpected response code for CONNECT: 403\u001b[2J")));
  }

  @Test
  void anyOtherFailureIsLeftAsItWas() {
    for (IOException other :
        new IOException[] {
          new ConnectException("Connection timed out"),
          new SocketTimeoutException("timeout"),
          new IOException((String) null)
        }) {
      assertSame(other, failureThroughProxy(other));
    }
  }
}
