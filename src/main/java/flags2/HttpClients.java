package flags2;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one OkHttpClient a run shares, sized for its concurrency, and takes it down so no
 * thread or connection outlives the run.
 */
final class HttpClients {
  private HttpClients() {}

  /**
   * A client whose Dispatcher admits {@code concurrency} calls (to one host, too: its defaults of 64
   * and 5 would silently cap async runs) on virtual threads, and whose pool keeps that many idle
   * connections. {@code timeout} bounds connecting, each read and write, and the whole call.
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
        .build();
  }

  /** Cancels what is left, stops the Dispatcher's executor and closes pooled connections. */
  static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdownNow();
    client.connectionPool().evictAll();
  }
}
