package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DEST that is unusable from the start (exit 3, nothing sent) or fails during a run. */
class DestinationTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path tmp;

  private Flags2Runner.Run run(Path dest, String... codes) {
    String[] args = new String[4 + codes.length];
    System.arraycopy(
        new String[] {"-s", server.url("/flags").toString(), "-d", dest.toString()}, 0, args, 0, 4);
    System.arraycopy(codes, 0, args, 4, codes.length);
    return new Flags2Runner().run(args);
  }

  @Test
  void aDestinationThatCannotBeCreatedExitsThree() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Flags2Runner.Run run = run(file.resolve("sub"), "br");
    assertEquals(3, run.status());
    assertTrue(
        run.err().startsWith("*** Destination error: cannot create '" + file.resolve("sub") + "'"),
        run.err());
    assertEquals(1, run.err().lines().count());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aDestinationThatIsNotWritableExitsThree() {
    Path readOnly = Path.of("/proc/self"); // not writable even for root
    assumeTrue(Files.isDirectory(readOnly), "needs Linux /proc");
    Flags2Runner.Run run = run(readOnly, "br");
    assertEquals(3, run.status());
    assertEquals("*** Destination error: '/proc/self' is not writable.\n", run.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anAppendOnlyDestinationGetsNoProbeFileAndAtMostOneLeftoverPerRequestInFlight()
      throws Exception {
    Path dest = Files.createDirectory(tmp.resolve("append-only")); // files go in, never out
    assumeTrue(chattr("+a", dest), "needs chattr +a (root on ext4)");
    try {
      server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US")); // GB: 404
      Flags2Runner.Run run = run(dest, "-v", "-t", "sequential", "br", "cn", "gb", "us");

      assertEquals(1, run.status(), run.err());
      assertEquals(
          List.of(
              "*** Error for BR: Cannot save image: Operation not permitted (br.gif)",
              "*** Error for CN: Cannot save image: the destination lets files be created but not"
                  + " renamed or removed (append-only?)",
              "GB not found",
              "*** Error for US: Cannot save image: the destination lets files be created but not"
                  + " renamed or removed (append-only?)"),
          run.outLines().stream().filter(l -> l.startsWith("***") || l.endsWith("found")).toList());
      try (Stream<Path> files = Files.list(dest)) {
        assertEquals(
            List.of(".br.gif"), // the first save's partial file: nobody can remove it
            files.map(f -> f.getFileName().toString().replaceAll("\\.gif\\..*", ".gif")).toList());
      }
    } finally {
      chattr("-a", dest);
    }
  }

  private static boolean chattr(String flag, Path dir) throws InterruptedException {
    try {
      Process chattr = new ProcessBuilder("chattr", flag, dir.toString()).inheritIO().start();
      return chattr.waitFor() == 0;
    } catch (IOException noChattr) {
      return false;
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aWriteFailureMidRunIsAnErrorForThatCodeAndTheRunGoesOn(StrategyKind strategy)
      throws IOException {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    Files.createDirectories(
        dest.resolve("cn.gif/occupied")); // renaming onto a non-empty directory fails
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                dest.toString(),
                "-t",
                strategy.cliName(),
                "-v",
                "br",
                "cn",
                "us");
    assertEquals(1, run.status());
    assertTrue(
        run.outLines().stream()
            .anyMatch(
                l -> l.equals("*** Error for CN: Cannot save image: Is a directory (cn.gif)")),
        run.out());
    assertTrue(run.outLines().contains("2 flags downloaded."), run.out());
    assertTrue(
        Files.isRegularFile(dest.resolve("br.gif")) && Files.isRegularFile(dest.resolve("us.gif")));
    try (var files = Files.list(dest)) {
      assertEquals(3, files.count(), "br.gif, us.gif and the cn.gif directory; no temp file");
    }
  }

  @Test
  void partialFilesOfRunsNoLongerAliveAreRemovedThoseOfLiveOnesKept() throws Exception {
    Path dest = tmp.resolve("images");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.createDirectories(dest);
    String host =
        Files.readString(Path.of("/proc/sys/kernel/hostname"))
            .strip()
            .replaceAll("[^A-Za-z0-9-]", "-");
    Path stale = dest.resolve(".br.gif." + host + "." + gone.pid() + "-abc123.part");
    Path live = dest.resolve(".cn.gif." + host + "." + ProcessHandle.current().pid() + "-x.part");
    Path elsewhere = dest.resolve(".us.gif.another-host." + gone.pid() + "-abc123.part");
    Path other = dest.resolve(".notes.part");
    for (Path file : java.util.List.of(stale, live, elsewhere, other)) {
      Files.writeString(file, "GIF89a half");
    }

    assertEquals(null, ImageStore.prepare(dest));

    assertFalse(Files.exists(stale), "left by a run that is gone");
    assertTrue(Files.exists(live), "a live run's file is its own");
    assertTrue(Files.exists(elsewhere), "another machine's run may well be alive");
    assertTrue(Files.exists(other), "not a name flags2 makes");
  }

  @Test
  void aSymlinkInDestIsReplacedNeverFollowed() throws IOException {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "precious");
    Files.createSymbolicLink(dest.resolve("br.gif"), outside);

    assertEquals(0, run(dest, "br").status());

    assertEquals("precious", Files.readString(outside));
    assertFalse(Files.isSymbolicLink(dest.resolve("br.gif")));
    assertTrue(Files.isRegularFile(dest.resolve("br.gif"), LinkOption.NOFOLLOW_LINKS));
    assertArrayEquals(FlagDispatcher.image("BR"), Files.readAllBytes(dest.resolve("br.gif")));
  }
}
