package flags2.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;

/**
 * curl's wait for multiplexing (its default for parallel transfers): while a client's first request
 * is connecting, the others wait for it instead of connecting too. OkHttp alone lets every request
 * in flight connect at once and, when the first connection turns out to be HTTP/2, closes the rest
 * unused: for {@code -m 30} against an HTTP/2 server, up to 30 TLS handshakes to keep one. Once the
 * first request has a connection, or has failed, everyone goes ahead: over HTTP/2 they share it,
 * over HTTP/1.1 each opens its own, as before. Installed only where HTTP/2 is possible ({@link
 * HttpVersion#mayMultiplex}); a waiting request waits at most its timeout, as the first does.
 */
final class FirstConnection {
  private final CountDownLatch known = new CountDownLatch(1);
  private final AtomicBoolean claimed = new AtomicBoolean();

  /** The application interceptor: the first request goes ahead, the others wait for it. */
  final Interceptor waitForFirst =
      chain -> {
        if (known.getCount() > 0 && claimed.compareAndSet(false, true)) {
          try {
            return chain.proceed(chain.request());
          } finally {
            known.countDown(); // failed, or done before any connection (a cache, a cancel)
          }
        }
        await(chain.call().timeout().timeoutNanos());
        return chain.proceed(chain.request());
      };

  /** The network interceptor: a request has a connection, so everyone may go ahead. */
  final Interceptor connected =
      chain -> {
        known.countDown();
        return chain.proceed(chain.request());
      };

  private void await(long timeoutNanos) throws IOException {
    try {
      if (timeoutNanos > 0) {
        known.await(timeoutNanos, TimeUnit.NANOSECONDS); // then the call's own timeout fails it
      } else {
        known.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the first connection");
    }
  }
}
