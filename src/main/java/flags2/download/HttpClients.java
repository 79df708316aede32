package flags2.download;

import flags2.strategy.Shutdown;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the one OkHttpClient a run shares, sized for its concurrency, and takes it down so no
 * thread or connection outlives the run.
 */
final class HttpClients {
  /** Redirects followed before a request is an error (OkHttp alone would follow 20). */
  static final int MAX_REDIRECTS = 5;

  private HttpClients() {}

  /**
   * Redirects one download has met so far. Set as a tag on each first request; OkHttp copies tags
   * to the follow-up requests it makes, so the count spans them. Counting redirect responses, not
   * interceptor calls, matters: OkHttp's own retry of a failed connection passes here again.
   */
  static final class Redirects {
    private int count;
  }

  /** A request's attempt number for its code, from 1: a tag, for the debug log. */
  record AttemptNumber(int value) {}

  /**
   * Whether a request's run has been cancelled: a tag on every request. A call that starts once it
   * says yes fails as cancelled before it sends a byte, even when nothing has cancelled the call
   * itself yet: the Dispatcher starts a queued call as soon as a cancelled one frees its slot,
   * which may be before the run's cancel has reached the queued one.
   */
  record RunCancelled(BooleanSupplier asked) {}

  private static final Interceptor UNSENT_ONCE_CANCELLED =
      chain -> {
        RunCancelled run = chain.request().tag(RunCancelled.class);
        if (run != null && run.asked().getAsBoolean()) {
          chain.call().cancel();
          throw new IOException("Canceled");
        }
        return chain.proceed(chain.request());
      };

  private static final Interceptor REDIRECT_LIMIT =
      chain -> {
        Response response = chain.proceed(chain.request());
        Redirects redirects = chain.request().tag(Redirects.class);
        if (redirects != null && response.isRedirect() && ++redirects.count > MAX_REDIRECTS) {
          response.close();
          throw new ProtocolException("Too many redirects (more than " + MAX_REDIRECTS + ")");
        }
        return response;
      };

  /**
   * A client for downloads from {@code base}, whose Dispatcher admits {@code concurrency} calls (to
   * one host, too: its defaults of 64 and 5 would silently cap async runs) on virtual threads, and
   * whose pool keeps that many idle connections. {@code timeout} bounds connecting, each read and
   * write, and the whole call, so a slow trickle of bytes ends too.
   *
   * <p>For an http base the client starts without TLS: OkHttp sets TLS up when a client is built
   * (the JDK's trust store, about 65 ms), a quarter of a short run. A redirect to https is still
   * followed, by a client with TLS built on first need; it shares this one's threads and
   * connections, and its call has a timeout of its own. For a loopback base the client asks no
   * proxy, even after a redirect elsewhere.
   */
  static OkHttpClient create(int concurrency, Duration timeout, HttpUrl base) {
    return create(concurrency, timeout, base, UnaryOperator.identity());
  }

  /**
   * As {@link #create(int, Duration, HttpUrl)}; {@code tls} sets up https (tests trust their own
   * certificate).
   */
  static OkHttpClient create(
      int concurrency, Duration timeout, HttpUrl base, UnaryOperator<OkHttpClient.Builder> tls) {
    return create(concurrency, timeout, base, tls, Proxies.NONE, HttpVersion.NEGOTIATED, null);
  }

  /**
   * As {@link #create(int, Duration, HttpUrl, UnaryOperator)}, through {@code proxies} (with none
   * set, the JDK's own proxy settings apply; with some, they decide every connection), speaking
   * {@code version}; {@code transport}, if not null, counts what the requests went over. Where
   * HTTP/2 is possible, requests wait for the first connection, as curl's do ({@link
   * FirstConnection}).
   */
  static OkHttpClient create(
      int concurrency,
      Duration timeout,
      HttpUrl base,
      UnaryOperator<OkHttpClient.Builder> tls,
      Proxies proxies,
      HttpVersion version,
      TransportLog transport) {
    Dispatcher dispatcher = new Dispatcher(Executors.newVirtualThreadPerTaskExecutor());
    dispatcher.setMaxRequests(concurrency);
    dispatcher.setMaxRequestsPerHost(concurrency);
    ConnectionPool pool = new ConnectionPool(concurrency, 5, TimeUnit.MINUTES);
    // On loopback there is no IPv6 path to race an IPv4 one (OkHttp's fast fallback, which connects
    // on platform threads of its own) and no proxy to ask about: without both, a thousand
    // concurrent connects take about 0.1 s less.
    boolean loopback = isLoopback(base);
    EventListener.Factory listeners = joined(transport, RequestLog.factoryIfDebug());
    ResendGuard resendGuard = new ResendGuard(pool);
    Function<Boolean, OkHttpClient.Builder> common =
        https -> {
          OkHttpClient.Builder builder =
              new OkHttpClient.Builder()
                  .dispatcher(dispatcher)
                  .connectionPool(pool)
                  .connectTimeout(timeout)
                  .readTimeout(timeout)
                  .writeTimeout(timeout)
                  .callTimeout(timeout)
                  .fastFallback(!loopback)
                  .socketFactory(ResendGuard.sockets())
                  .addInterceptor(UNSENT_ONCE_CANCELLED)
                  .addInterceptor(RequestTimes.STAMP)
                  .addInterceptor(resendGuard.beforeSending())
                  .addNetworkInterceptor(resendGuard)
                  .addNetworkInterceptor(new ResponseGuard())
                  .addNetworkInterceptor(REDIRECT_LIMIT);
          if (version.mayMultiplex(https)) {
            FirstConnection first = new FirstConnection();
            builder.addInterceptor(first.waitForFirst).addNetworkInterceptor(first.connected);
          }
          if (proxies.any()) {
            builder
                .proxySelector(proxies.selector())
                .proxyAuthenticator(proxies.authenticator())
                .addInterceptor(ProxyException.failures(proxies));
          } else {
            builder.proxy(loopback ? Proxy.NO_PROXY : null);
          }
          if (!base.username().isEmpty() || !base.password().isEmpty()) {
            builder.addNetworkInterceptor(new BasicAuth(base));
          }
          version.apply(builder, https);
          return listeners == null ? builder : builder.eventListenerFactory(listeners);
        };
    if (base.isHttps()) {
      return tls.apply(common.apply(true)).build();
    }
    return common
        .apply(false)
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .followSslRedirects(false)
        .addInterceptor(new HttpsRedirects(() -> tls.apply(common.apply(true)).build()))
        .build();
  }

  /** Both factories' listeners on every call; either may be null, for none. */
  private static EventListener.Factory joined(EventListener.Factory a, EventListener.Factory b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return call -> a.create(call).plus(b.create(call));
  }

  /**
   * Credentials in the base URL ({@code http://user:secret@host/flags}), sent as Basic auth to that
   * origin only: each hop is checked, so a redirect to another scheme, host or port gets none, as
   * with curl. OkHttp itself never sends a URL's credentials.
   */
  private record BasicAuth(HttpUrl base) implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      HttpUrl url = request.url();
      boolean sameOrigin =
          url.scheme().equals(base.scheme())
              && url.host().equals(base.host())
              && url.port() == base.port();
      if (!sameOrigin) {
        return chain.proceed(request);
      }
      // UTF-8, as curl sends and RFC 7617 asks (OkHttp's default is ISO-8859-1)
      String credentials =
          Credentials.basic(base.username(), base.password(), StandardCharsets.UTF_8);
      return chain.proceed(request.newBuilder().header("Authorization", credentials).build());
    }
  }

  /** Whether {@code url}'s host is this machine's loopback address. */
  static boolean isLoopback(HttpUrl url) {
    String host = url.host();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /**
   * Takes the client down when its run ends, after the run has cancelled its calls: stops the
   * Dispatcher's threads, waits for them as {@link Shutdown} says (callbacks still delete their
   * temporary files), then closes pooled connections, so no thread or connection outlives the run.
   */
  static void shutdown(OkHttpClient client, Shutdown shutdown) {
    ExecutorService executor = client.dispatcher().executorService();
    executor.shutdownNow();
    shutdown.await(executor);
    client.connectionPool().evictAll();
  }
}
