package flags2.download;

import java.io.IOException;
import java.lang.reflect.Field;
import okhttp3.Connection;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.internal.connection.BufferedSocket;
import okhttp3.internal.connection.RealConnection;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Keeps an HTTP/1 connection out of the pool once its server has sent more than a response's
 * Content-Length (curl's "Excess found"): OkHttp would read those bytes as the next response on
 * that connection, so the next code would fail or, worse, get them as its image.
 *
 * <p>OkHttp has no public view of what it has read ahead, so this reads RealConnection's private
 * buffered socket by reflection; if a new OkHttp renames it, the check turns itself off (the
 * downloads are unaffected) and HostileServerTest fails. Bytes that arrive after the body was read,
 * in a later packet, are not seen, as with curl.
 */
final class ExcessBytes {
  private static final Field SOCKET = socketField();

  private ExcessBytes() {}

  /** The response, its body watched when it has a length on a connection that can be reused. */
  static Response watch(Response response, Connection connection) {
    ResponseBody body = response.body();
    long length = body.contentLength();
    if (SOCKET == null
        || length < 0
        || !(connection instanceof RealConnection real)
        || connection.protocol() == Protocol.HTTP_2) {
      return response;
    }
    ForwardingSource watched =
        new ForwardingSource(body.source()) {
          private long remaining = length;

          @Override
          public long read(Buffer sink, long byteCount) throws IOException {
            refuseIfExcess(real, remaining); // before the last read hands the connection back
            long read = super.read(sink, byteCount);
            remaining -= Math.max(read, 0);
            return read;
          }

          @Override
          public void close() throws IOException {
            refuseIfExcess(real, remaining); // closing unread discards the rest, then releases
            super.close();
          }
        };
    return response
        .newBuilder()
        .body(ResponseBody.create(Okio.buffer(watched), body.contentType(), length))
        .build();
  }

  private static void refuseIfExcess(RealConnection connection, long remaining) {
    try {
      if (((BufferedSocket) SOCKET.get(connection)).getSource().getBuffer().size() > remaining) {
        connection.noNewExchanges();
      }
    } catch (IllegalAccessException | RuntimeException e) {
      // not readable after all: the connection stays as OkHttp left it
    }
  }

  private static Field socketField() {
    try {
      Field field = RealConnection.class.getDeclaredField("socket");
      field.setAccessible(true);
      return BufferedSocket.class.isAssignableFrom(field.getType()) ? field : null;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
