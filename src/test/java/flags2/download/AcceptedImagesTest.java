package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 200s a user expects saved, for every strategy: an image of exactly {@code --max-size} bytes
 * (the limit is the largest size accepted, as curl's {@code --max-filesize}), whether its length is
 * announced or it comes in chunks; and a GIF labelled with no Content-Type or a generic one, as
 * plain file servers send it: an image is known by its first bytes, never by its label.
 */
class AcceptedImagesTest {
  private static final int LIMIT = 1000;

  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  /** A GIF-looking body of {@code size} bytes, different for each code. */
  private static byte[] gif(String code, int size) {
    String head = "GIF89a " + code + " ";
    return (head + "#".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
  }

  private static MockResponse announced(byte[] body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "image/gif")
        .body(new Buffer().write(body))
        .build();
  }

  private static MockResponse chunked(byte[] body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "image/gif")
        .chunkedBody(new Buffer().write(body), 300)
        .build();
  }

  private Flags2Runner.Run run(StrategyKind strategy, String... args) {
    Stream<String> common =
        Stream.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "-v");
    return new Flags2Runner().run(Stream.concat(common, Stream.of(args)).toList());
  }

  private Set<String> filesInDest() throws IOException {
    try (Stream<Path> files = Files.list(dest)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void anImageOfExactlyMaxSizeIsSavedAndOneByteMoreIsRefused(StrategyKind strategy)
      throws IOException {
    server.setDispatcher(
        new FlagDispatcher()
            .respond("BR", () -> announced(gif("BR", LIMIT)))
            .respond("CN", () -> chunked(gif("CN", LIMIT)))
            .respond("US", () -> announced(gif("US", LIMIT + 1)))
            .respond("JP", () -> chunked(gif("JP", LIMIT + 1))));

    Flags2Runner.Run run =
        run(strategy, "--max-size", String.valueOf(LIMIT), "br", "cn", "us", "jp");

    assertTrue(run.outLines().contains("BR OK"), run.out());
    assertTrue(run.outLines().contains("CN OK"), run.out());
    for (String code : new String[] {"US", "JP"}) {
      assertTrue(
          run.outLines()
              .contains("*** Error for " + code + ": Image larger than --max-size (1000 bytes)"),
          run.out());
    }
    assertEquals(1, run.status(), run.out());
    assertEquals(Set.of("br.gif", "cn.gif"), filesInDest());
    assertArrayEquals(gif("BR", LIMIT), Files.readAllBytes(dest.resolve("br.gif")));
    assertArrayEquals(gif("CN", LIMIT), Files.readAllBytes(dest.resolve("cn.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aGifWithNoContentTypeOrAGenericOneIsSaved(StrategyKind strategy) throws IOException {
    server.setDispatcher(
        new FlagDispatcher()
            .respond(
                "BR",
                () -> new MockResponse.Builder().body(new Buffer().write(gif("BR", 50))).build())
            .respond(
                "CN",
                () ->
                    new MockResponse.Builder()
                        .addHeader("Content-Type", "application/octet-stream")
                        .body(new Buffer().write(gif("CN", 50)))
                        .build()));

    Flags2Runner.Run run = run(strategy, "br", "cn");

    assertEquals(0, run.status(), run.out());
    assertTrue(run.outLines().contains("2 flags downloaded."), run.out());
    assertArrayEquals(gif("BR", 50), Files.readAllBytes(dest.resolve("br.gif")));
    assertArrayEquals(gif("CN", 50), Files.readAllBytes(dest.resolve("cn.gif")));
  }
}
