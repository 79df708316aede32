package flags2.download;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps a malformed response from escaping OkHttp as an unchecked exception, which would end a
 * blocking download as "Unexpected ..." and print a stack trace for every callback one (OkHttp's
 * async call rethrows after its callback): a status line OkHttp cannot build a response from
 * becomes a {@link ProtocolException}, an ordinary failure; a Retry-After too large for OkHttp's
 * own {@code int} is capped before OkHttp reads it. A network interceptor, so it sees every hop.
 */
final class ResponseGuard implements Interceptor {
  private static final int MAX_RETRY_AFTER_DIGITS = 9;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (RuntimeException e) {
      // the connection's state is unknown after this: it must not go back to the pool
      Connection connection = chain.connection();
      if (connection != null) {
        try {
          connection.socket().close();
        } catch (IOException ignored) {
          // closing is all that is wanted
        }
      }
      String message = String.valueOf(e.getMessage());
      throw new ProtocolException(
          message.startsWith("code < 0")
              ? "malformed status line"
              : "malformed response: " + message);
    }
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null
        && retryAfter.strip().matches("[0-9]+")
        && retryAfter.strip().length() > MAX_RETRY_AFTER_DIGITS) {
      return response.newBuilder().header("Retry-After", "" + Integer.MAX_VALUE).build();
    }
    return response;
  }
}
