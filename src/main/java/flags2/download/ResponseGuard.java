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
 * own {@code int} is capped before OkHttp reads it; a {@code 101 Switching Protocols} to a plain
 * GET closes its connection, which no longer speaks HTTP. A network interceptor, so it sees every
 * hop.
 */
final class ResponseGuard implements Interceptor {
  private static final int MAX_RETRY_AFTER_DIGITS = 9;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (RuntimeException e) {
      closeSocket(chain); // the connection's state is unknown after this: not to be reused
      String message = String.valueOf(e.getMessage());
      throw new ProtocolException(
          message.startsWith("code < 0")
              ? "malformed status line"
              : "malformed response: " + message);
    }
    if (response.code() == 101) {
      // the server switched protocols on a plain GET: what follows on that connection is not
      // HTTP, so it must never carry another request (the next one would wait for its timeout)
      closeSocket(chain);
    }
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null
        && retryAfter.strip().matches("[0-9]+")
        && retryAfter.strip().length() > MAX_RETRY_AFTER_DIGITS) {
      response = response.newBuilder().header("Retry-After", "" + Integer.MAX_VALUE).build();
    }
    return response;
  }

  private static void closeSocket(Chain chain) {
    Connection connection = chain.connection();
    if (connection != null) {
      try {
        connection.socket().close();
      } catch (IOException ignored) {
        // closing is all that is wanted
      }
    }
  }
}
