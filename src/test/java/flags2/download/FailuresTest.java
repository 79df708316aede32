package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed connection is worded by what happened, as the JDK and OkHttp report it: only a refused
 * connection says "Connection refused", so a user can tell a server that is down from a name that
 * does not resolve, a network that cannot reach it, or a server too slow to answer. (A refused
 * connection and a timeout also run end to end: DownloadTest, FaultsTest; the other failures depend
 * on the machine's network and resolver, so they are built here as the JDK throws them.)
 */
class FailuresTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  static Stream<Arguments> connectFailures() {
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused"), "Connection refused"),
        Arguments.of(
            new IOException("failed to connect", new ConnectException("Connection refused")),
            "Connection refused"),
        Arguments.of(new ConnectException("Connection timed out"), "Connection timed out"),
        Arguments.of(new ConnectException("Network is unreachable"), "Network is unreachable"),
        Arguments.of(new NoRouteToHostException("No route to host"), "No route to host"),
        Arguments.of(
            new UnknownHostException("nowhere.invalid: Name or service not known"),
            "Unknown host nowhere.invalid: Name or service not known"),
        Arguments.of(new SocketTimeoutException("Connect timed out"), "Timeout after 10s"),
        Arguments.of(new SocketTimeoutException("Read timed out"), "Timeout after 10s"),
        Arguments.of(
            new IOException("unexpected end of stream", new EOFException()),
            "connection closed before the response was complete"),
        Arguments.of(
            new IOException("ID1ID2: actual 0x00003c68 != expected 0x00001f8b"),
            "corrupt gzip body"),
        Arguments.of(new InterruptedIOException("timeout"), "Timeout after 10s"),
        Arguments.of(new IOException((String) null), "IOException"),
        Arguments.of(new IOException("  Broken pipe \n"), "Broken pipe"));
  }

  /** A status line without a status is named so; from 100 on, a status is a status. */
  @Test
  void onlyAStatusBelow100IsAMalformedStatusLine() {
    assertEquals("malformed status line: 0 X", Failures.httpError(0, "X "));
    assertEquals("malformed status line: 99 Odd", Failures.httpError(99, "Odd"));
    assertEquals("HTTP error 100 - Continue", Failures.httpError(100, "Continue"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("connectFailures")
  void onlyARefusedConnectionIsWordedConnectionRefused(IOException failure, String expected) {
    assertEquals(expected, Failures.describe(failure, TIMEOUT));
  }
}
