package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.testing.Flags2Runner;
import flags2.testing.ReservedPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing listening on a labelled port, the client embeds that test server for the run. */
class EmbeddedServerTest {
  @TempDir Path dest;

  /** LOCAL's or DELAY's port: free for the embedded server, taken by nobody else. */
  @AutoClose private final ReservedPort reserved = ReservedPort.open();

  @Test
  void aMissingLocalServerIsEmbeddedForTheRunAndItsPortFreedAfter() throws IOException {
    int port = reserved.number();
    Flags2Runner runner =
        new Flags2Runner().site(Site.LOCAL, HttpUrl.get("http://localhost:" + port + "/flags"));

    Flags2Runner.Run run = runner.run("-s", "local", "-d", dest.toString(), "-v", "br", "xx");

    assertEquals(0, run.status(), run.err());
    assertEquals(
        "note: nothing listens on localhost:"
            + port
            + "; using the embedded LOCAL server\n"
            + "      for this run (see 'flags2 serve')\n",
        run.err());
    for (String line : run.err().split("\n")) {
      assertTrue(line.length() <= 80, line.length() + " columns: " + line);
    }
    assertTrue(run.outLines().contains("BR OK"), run.out());
    assertTrue(run.outLines().contains("XX not found"), run.out());
    try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void noEmbeddedMeansARefusedConnectionIsAnErrorPerCode() throws IOException {
    int port = reserved.number();
    Flags2Runner runner =
        new Flags2Runner().site(Site.DELAY, HttpUrl.get("http://localhost:" + port + "/flags"));

    Flags2Runner.Run run =
        runner.run("-s", "DELAY", "--no-embedded", "-d", dest.toString(), "-v", "br", "xx");

    assertEquals(1, run.status());
    assertEquals("", run.err());
    assertTrue(run.outLines().contains("*** Error for BR: Connection refused"), run.out());
    assertTrue(run.outLines().contains("2 errors."), run.out());
  }
}
