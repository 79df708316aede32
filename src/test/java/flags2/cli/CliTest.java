package flags2.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path tmp;

  static Stream<Arguments> usageErrors() {
    String cc = " is not a country code: each CC argument must be A to Z or AA to ZZ.";
    return Stream.of(
        Arguments.of(List.of("abc"), "'abc'" + cc),
        Arguments.of(List.of("br", "usa"), "'usa'" + cc),
        Arguments.of(List.of("br", "1"), "'1'" + cc),
        Arguments.of(List.of("ß"), "'ß'" + cc),
        Arguments.of(List.of("-a", "b-"), "'b-'" + cc),
        Arguments.of(List.of("sevre"), "unknown command 'sevre'; did you mean 'serve'?"),
        Arguments.of(List.of("bnech", "br"), "unknown command 'bnech'; did you mean 'bench'?"),
        Arguments.of(List.of("hlep"), "unknown command 'hlep'; did you mean 'help'?"),
        Arguments.of(List.of("br", "serv"), "'serv'" + cc),
        Arguments.of(List.of("brazil"), "'brazil'" + cc),
        Arguments.of(
            List.of("--sever", "DELAY"), "Unknown option: '--sever'; did you mean '--server'?"),
        Arguments.of(List.of("-m", "0", "br"), "--max-req must be at least 1."),
        Arguments.of(List.of("--max_req", "-3"), "--max-req must be at least 1."),
        Arguments.of(List.of("-l", "0"), "--limit must be at least 1."),
        Arguments.of(
            List.of("-m", "many"), "Invalid value for option '--max-req': 'many' is not an int"),
        Arguments.of(
            List.of("-s", "NOWHERE"),
            "--server must be LOCAL, DELAY, ERROR, REMOTE or an http(s) URL, not 'NOWHERE'."),
        Arguments.of(
            List.of("-s", "ftp://example.com/flags"),
            "--server must be LOCAL, DELAY, ERROR, REMOTE or an http(s) URL, not 'ftp://example.com/flags'."),
        Arguments.of(
            List.of("-s", "http://"),
            "--server must be LOCAL, DELAY, ERROR, REMOTE or an http(s) URL, not 'http://'."),
        Arguments.of(
            List.of("-t", "fork"),
            "Invalid value for option '--strategy': 'fork' is not a strategy; expected one of "
                + String.join(", ", new StrategyConverter.Names())),
        Arguments.of(List.of("--timeout", "0"), "--timeout must be 0.001 to 3600 seconds."),
        // under 1 ms would round to 0, which OkHttp reads as no timeout at all
        Arguments.of(List.of("--timeout", "0.0004"), "--timeout must be 0.001 to 3600 seconds."),
        Arguments.of(List.of("--dest", ""), "--dest must name a directory, not ''."),
        Arguments.of(List.of("--dest", "  "), "--dest must name a directory, not '  '."),
        Arguments.of(List.of("--retries", "11"), "--retries must be 0 to 10."),
        Arguments.of(List.of("--max-size", "0"), "--max-size must be at least 1 byte."),
        Arguments.of(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorPrintsOneLineAndUsageSendsNothingCreatesNothingAndExitsTwo(
      List<String> args, String message) {
    Path dest = tmp.resolve("never-created");
    List<String> all = new ArrayList<>();
    if (!args.contains("--dest")) {
      all.addAll(List.of("-d", dest.toString()));
    }
    if (!args.contains("-s")) {
      all.addAll(List.of("-s", server.url("/flags").toString()));
    }
    all.addAll(args);

    Flags2Runner.Run run = new Flags2Runner().run(all);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals(
        "*** Usage error: "
            + message
            + "\nUsage: flags2 [OPTIONS] [CC...]  (try 'flags2 --help')\n",
        run.err());
    assertEquals(0, server.getRequestCount());
    assertFalse(Files.exists(dest));
  }

  @Test
  void helpListsEveryOptionOnStdoutAndExitsZero() {
    Flags2Runner.Run run = new Flags2Runner().run("--help");
    assertEquals(0, run.status());
    for (String option :
        List.of(
            "--all",
            "--every",
            "--limit",
            "--max-req",
            "--server",
            "--strategy",
            "--dest",
            "--verbose",
            "--timeout",
            "--retries",
            "--max-size",
            "--no-embedded",
            "--json",
            "--debug",
            "--version",
            "CC")) {
      assertTrue(run.out().contains(option), option + " missing from help:\n" + run.out());
    }
    assertEquals("", run.err());
  }

  @Test
  void versionNamesTheJavaRuntimeWhereItLivesAndTheOs() {
    Flags2Runner.Run run = new Flags2Runner().run("--version");
    assertEquals(0, run.status());
    assertEquals(
        List.of(
            "flags2 (development build)", // the jar's manifest has the pom's version: JavaJarIT
            "Java "
                + System.getProperty("java.runtime.version")
                + " ("
                + System.getProperty("java.vendor")
                + "), "
                + System.getProperty("java.home"),
            System.getProperty("os.name")
                + " "
                + System.getProperty("os.version")
                + " "
                + System.getProperty("os.arch")),
        run.outLines());
    assertEquals("", run.err());
  }

  @Test
  void labelsAreCaseInsensitive() {
    Flags2Runner runner = new Flags2Runner().site(Site.DELAY, server.url("/flags"));
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    Flags2Runner.Run run = runner.run("-s", "delay", "-d", tmp.toString(), "br");
    assertEquals(0, run.status(), run.err());
    assertEquals("DELAY site: " + server.url("/flags"), run.outLines().getFirst());
  }

  @Test
  void concurrencyIsCappedByTheStrategyAndTheNumberOfCodes() {
    server.setDispatcher(new FlagDispatcher());
    Flags2Runner.Run run =
        new Flags2Runner()
            .run(
                "-s",
                server.url("/flags").toString(),
                "-d",
                tmp.toString(),
                "-t",
                "sequential",
                "-m",
                "50",
                "a");
    assertEquals("1 concurrent connection will be used.", run.outLines().get(2));
  }

  @Test
  void credentialsInTheServerUrlAreNeverPrinted() {
    server.setDispatcher(new FlagDispatcher().serve("BR"));
    String url =
        server.url("/flags").newBuilder().username("alice").password("s3cret").build().toString();
    Flags2Runner.Run run = new Flags2Runner().run("-s", url, "-d", tmp.toString(), "-v", "br");
    assertEquals(0, run.status(), run.err());
    assertFalse(run.out().contains("s3cret"), run.out());
    assertFalse(run.err().contains("s3cret"), run.err());
    assertFalse(run.out().contains("alice"), run.out());
  }
}
