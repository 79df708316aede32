package flags2;

import java.net.ProtocolException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Builds the one OkHttpClient a run shares, sized for its concurrency, and takes it down so no
 * thread or connection outlives the run.
 */
final class HttpClients {
  /**
   * How long a stopping run waits for its workers and callbacks (they delete their temporary
   * files): twice this, plus the report, stays inside the 2 s Ctrl-C promise.
   */
  static final Duration GRACE = Duration.ofMillis(700);

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
   * A client whose Dispatcher admits {@code concurrency} calls (to one host, too: its defaults of 64
   * and 5 would silently cap async runs) on virtual threads, and whose pool keeps that many idle
   * connections. {@code timeout} bounds connecting, each read and write, and the whole call, so a
   * slow trickle of bytes ends too.
   */
  static OkHttpClient create(int concurrency, Duration timeout) {
    Dispatcher dispatcher = new Dispatcher(Executors.newVirtualThreadPerTaskExecutor());
    dispatcher.setMaxRequests(concurrency);
    dispatcher.setMaxRequestsPerHost(concurrency);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .addNetworkInterceptor(REDIRECT_LIMIT)
        .build();
  }

  /**
   * Cancels what is left, waits up to {@link #GRACE} for callbacks to finish (they delete their
   * temporary files), then closes pooled connections.
   */
  static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    ExecutorService executor = client.dispatcher().executorService();
    executor.shutdownNow();
    awaitQuietly(executor);
    client.connectionPool().evictAll();
  }

  /** Waits for {@code executor} to finish, at most {@link #GRACE}; keeps the interrupt flag. */
  static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
