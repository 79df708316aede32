package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.RawServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * --retries and OkHttp's own repeat on a pooled connection, for every strategy: a request is sent
 * again without --retries only when its pooled connection died before any byte came back, and then
 * once, on a fresh connection.
 */
class PooledConnectionRepeatsTest {
  @TempDir Path dest;

  /**
   * A keep-alive server whose first request gets an image and whose next {@code failures} requests
   * get {@code failure}; the requests after that get images again.
   */
  private static RawServer pooledThenFailing(int failures, String failure) throws IOException {
    byte[] gif = FlagDispatcher.image("BR");
    return RawServer.keepAlive(
        (n, out) -> {
          if (n == 0 || n > failures) {
            out.write(
                RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: " + gif.length + "\r\n\r\n"));
            out.write(gif);
            return;
          }
          out.write(RawServer.ascii(failure));
          out.flush();
          throw new IOException("hang up"); // RawServer closes the connection
        });
  }

  private Flags2Runner.Run runAgainst(RawServer raw, StrategyKind strategy) {
    return new Flags2Runner()
        .run(
            "-s",
            raw.url(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "-v",
            "-m",
            "1",
            "br",
            "cn");
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aResponseCutOffOnAPooledConnectionIsNeverSentAgainWithoutRetries(StrategyKind strategy)
      throws IOException {
    try (RawServer raw = pooledThenFailing(1, "HTTP/1.1 200 OK\r\nContent-")) {
      Flags2Runner.Run run = runAgainst(raw, strategy);

      assertEquals(1, run.status(), run.out());
      assertEquals(2, raw.requests(), "one request per code: the server had begun to answer");
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aPooledConnectionThatDiesUnheardIsTriedAgainOnAFreshOneAndNoMore(StrategyKind strategy)
      throws IOException {
    try (RawServer raw = pooledThenFailing(1, "")) {
      Flags2Runner.Run run = runAgainst(raw, strategy);

      assertEquals(0, run.status(), run.out());
      assertEquals(3, raw.requests(), "the silent repeat, on a fresh connection, succeeds");
    }
    try (RawServer raw = pooledThenFailing(2, "")) {
      Flags2Runner.Run run = runAgainst(raw, strategy);

      assertEquals(1, run.status(), run.out());
      assertEquals(3, raw.requests(), "a fresh connection that fails is not repeated");
    }
  }
}
