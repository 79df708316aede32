package flags2.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows the redirects to https that a cleartext client hands back unfollowed, with a client that
 * has TLS, built on first need.
 */
final class HttpsRedirects implements Interceptor {
  private final Supplier<OkHttpClient> tlsClientFactory;
  private OkHttpClient tlsClient;

  HttpsRedirects(Supplier<OkHttpClient> tlsClientFactory) {
    this.tlsClientFactory = tlsClientFactory;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long start = System.nanoTime();
    Response response = chain.proceed(chain.request());
    String location = response.header("Location");
    HttpUrl target =
        response.isRedirect() && location != null
            ? response.request().url().resolve(location)
            : null;
    if (target == null || !target.isHttps()) {
      return response;
    }
    response.close();
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
    Request next = response.request().newBuilder().url(target).build(); // keeps the Redirects tag
    Call hop = tlsClient().newCall(next);
    // one deadline for the whole request, every hop included: the new call gets what is left
    long limit = chain.call().timeout().timeoutNanos();
    if (limit > 0) {
      long left = limit - (System.nanoTime() - start);
      if (left <= 0) {
        throw new InterruptedIOException("timeout");
      }
      hop.timeout().timeout(left, TimeUnit.NANOSECONDS);
    }
    return hop.execute();
  }

  /** The client with TLS; an IOException naming the CA file if its certificates are not valid. */
  private synchronized OkHttpClient tlsClient() throws IOException {
    if (tlsClient == null) {
      try {
        tlsClient = tlsClientFactory.get();
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return tlsClient;
  }
}
