package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import flags2.testing.ReservedPort;
import flags2.testing.StallingDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user at a terminal sees while a run goes: the header, then the progress bar (its rate and
 * labelled times), one bar line left behind however the run ends, then the report; {@code -q}
 * silences the bar and the notes but never an error.
 */
class TerminalTest {
  private static final String HEADER_END = "concurrent connections will be used.\n";

  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  private Flags2Runner.Run run(Flags2Runner runner, String... args) {
    List<String> common = List.of("-s", server.url("/flags").toString(), "-d", dest.toString());
    return runner.run(Stream.concat(common.stream(), Arrays.stream(args)).toList());
  }

  /** The frames drawn on stderr: the text between one carriage return and the next or a newline. */
  private static List<String> frames(String err) {
    return Arrays.stream(err.split("[\r\n]")).filter(f -> !f.isEmpty()).toList();
  }

  @Test
  void theBarStartsOnlyAfterTheHeader() {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));

    Flags2Runner.Run run = run(new Flags2Runner().terminal(80), "br", "cn", "us");

    assertEquals(0, run.status(), run.screen());
    String screen = run.screen();
    assertTrue(screen.contains("\r"), "no bar was drawn: " + screen);
    assertTrue(
        screen.indexOf("\r") > screen.indexOf("3 concurrent connections will be used."),
        "the bar was drawn before the header ended:\n" + screen);
  }

  @Test
  void theBarShowsTheRateInFlagsPerSecondAndLabelledTimes() {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));

    Flags2Runner.Run run = run(new Flags2Runner().terminal(80), "br", "cn", "us");

    List<String> frames = frames(run.err());
    String last = frames.getLast();
    assertTrue(
        Pattern.matches(
            "flags 100%\\|█+\\| 3/3 \\[elapsed 0:0\\d < remaining 0:00, \\d+\\.\\d flags/s]", last),
        last);
  }

  /**
   * The terminal echoes Ctrl-C as {@code ^C} where the cursor is, at the end of the bar: a bar as
   * wide as the terminal makes it wrap, and the last frame is then drawn again on a line of its
   * own.
   */
  @Test
  void everyFrameLeavesRoomForTheEchoedCtrlC() {
    server.setDispatcher(new FlagDispatcher().serve("BR", "CN", "US"));

    Flags2Runner.Run run = run(new Flags2Runner().terminal(80), "br", "cn", "us");

    List<String> frames = frames(run.err());
    assertFalse(frames.isEmpty(), run.err());
    for (String frame : frames) {
      assertTrue(frame.length() <= 78, frame.length() + " columns: " + frame);
    }
  }

  @Test
  void aCancelledRunLeavesOneBarLineThenThePartialReport() throws Exception {
    StallingDispatcher dispatcher = new StallingDispatcher(3);
    server.setDispatcher(dispatcher);
    Interrupt ctrlC = Interrupt.none();
    CompletableFuture<Flags2Runner.Run> running =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    new Flags2Runner().terminal(80).interrupt(ctrlC),
                    "-m",
                    "4",
                    "a",
                    "--timeout",
                    "60"));
    assertTrue(dispatcher.stalling.await(10, TimeUnit.SECONDS), "no request reached the server");
    ctrlC.fire();
    Flags2Runner.Run run = running.get(10, TimeUnit.SECONDS);

    assertEquals(130, run.status(), run.screen());
    String screen = run.screen();
    String afterHeader = screen.substring(screen.indexOf(HEADER_END) + HEADER_END.length());
    String bar = afterHeader.substring(0, afterHeader.indexOf('\n'));
    String report = afterHeader.substring(bar.length() + 1);
    assertTrue(bar.startsWith("\rflags "), screen);
    assertTrue(report.startsWith("--------------------\n"), screen);
    assertFalse(report.contains("\r") || report.contains("flags/s"), screen);
  }

  @Test
  void debugDrawsNoBarForItsLinesToBreak() {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner.Run run = run(new Flags2Runner().terminal(80), "--debug", "br", "cn");
    assertEquals(0, run.status(), run.err());
    assertFalse(run.err().contains("flags/s"), run.err());
  }

  @Test
  void quietDrawsNoBarAndPrintsNoNote() throws IOException {
    Flags2Runner.Run run;
    try (ReservedPort local = ReservedPort.open()) { // for the embedded server, whose note -q hides
      Flags2Runner runner =
          new Flags2Runner()
              .terminal(80)
              .site(Site.LOCAL, HttpUrl.get("http://localhost:" + local.number() + "/flags"));
      run = runner.run("-s", "LOCAL", "-d", dest.toString(), "-q", "br", "xx");
    }

    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    assertTrue(run.outLines().contains("1 flag downloaded."), run.out());
  }

  @Test
  void quietStillPrintsErrors() throws IOException {
    Path file = Files.writeString(dest.resolve("a-file"), "not a directory");

    Flags2Runner.Run run =
        new Flags2Runner()
            .terminal(80)
            .run("--quiet", "-s", server.url("/flags").toString(), "-d", file.toString(), "br");

    assertEquals(3, run.status(), run.err());
    assertTrue(run.err().startsWith("*** Destination error: "), run.err());
  }
}
