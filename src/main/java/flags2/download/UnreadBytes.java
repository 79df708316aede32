package flags2.download;

import java.io.IOException;
import java.lang.reflect.Field;
import okhttp3.Connection;
import okhttp3.internal.connection.BufferedSocket;
import okhttp3.internal.connection.RealConnection;

/**
 * Whether an idle HTTP/1 connection holds bytes nobody asked for, in OkHttp's read-ahead or in the
 * socket. A server sends nothing unasked on a kept-alive connection, so such bytes are the tail of
 * a response longer than its Content-Length, or a response smuggled after it (curl: "Excess
 * found"); read as the next response, they would fail the next code or, worse, become its image.
 *
 * <p>OkHttp has no public view of its read-ahead, so this reads RealConnection's private buffered
 * socket by reflection; should a new OkHttp rename it, only the socket is asked, and
 * PooledConnectionsTest fails.
 */
final class UnreadBytes {
  private static final Field SOCKET = socketField();

  private UnreadBytes() {}

  /** True if {@code connection} holds unread bytes; such a connection never carries a request. */
  static boolean retireIfAny(Connection connection) {
    if (!(connection instanceof RealConnection real) || !any(real)) {
      return false;
    }
    real.noNewExchanges();
    return true;
  }

  private static boolean any(RealConnection connection) {
    try {
      if (connection.socket().getInputStream().available() > 0) {
        return true;
      }
    } catch (IOException e) {
      return false; // a closed socket: OkHttp finds that out for itself
    }
    if (SOCKET == null) {
      return false;
    }
    try {
      return ((BufferedSocket) SOCKET.get(connection)).getSource().getBuffer().size() > 0;
    } catch (IllegalAccessException | RuntimeException e) {
      return false; // not readable after all: the socket's answer stands
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
